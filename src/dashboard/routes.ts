import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agencyScopeCondition, authorize } from '../accounts/scope.js';
import type { Message } from '../i18n/errors.js';
import { queryAgencies } from '../organisation/agencies/agencies.js';
import { reviewerRatioOut } from '../organisation/agencies/presenter.js';
import { reviewerRatio } from '../organisation/agencies/agencies.js';
import { STAFF } from '../organisation/policy.js';
import { agencies, people } from '../organisation/tables.js';
import { chinaDate } from '../platform/clock.js';
import { actorOf } from '../accounts/request-context.js';
import type { App } from '../platform/http/app.js';
import type { AppDeps } from '../deps.js';
import { archiveDue } from '../recording/archive/archive.js';
import { caseClocks } from '../recording/cases/clocks.js';
import { overridesByItem } from '../recording/cases/clock-overrides.js';
import { asCaseRow } from '../recording/cases/load.js';
import { cases } from '../recording/tables.js';
import { procedureOf } from '../recording/workflows/procedures/index.js';

const warningOut = z.object({ code: z.string(), level: z.enum(['error', 'warning', 'info']), message: z.string(), messageEn: z.string() });

/** The warnings the dashboard raises; messages zh-CN first. */
const warningMessages = {
  CALENDAR_CURRENT_YEAR_MISSING: (y: number): Message => ({
    zh: `${y} 年节假日安排未录入，期限计算不可用，请按国务院办公厅通知录入`,
    en: `The ${y} holiday calendar is not loaded; deadlines cannot be computed`,
  }),
  CALENDAR_NEXT_YEAR_MISSING: (y: number): Message => ({
    zh: `${y} 年节假日安排尚未录入。国务院办公厅通知发布后，请在“工作日历”中录入`,
    en: `The ${y} holiday calendar is not loaded yet; enter it from the State Council notice once published`,
  }),
  AGENCIES_UNCONFIRMED: (n: number): Message => ({
    zh: `${n} 个执法主体的资格尚未经司法行政部门确认，确认前不予公示`,
    en: `${n} agencies await the justice bureau's confirmation and are not published`,
  }),
  CASES_OVERDUE: (n: number): Message => ({
    zh: `${n} 件案件已超过法定期限，请尽快办理`,
    en: `${n} cases are past a statutory time limit`,
  }),
  ARCHIVE_OVERDUE: (n: number): Message => ({
    zh: `${n} 件已办结案件未按期立卷或移交归档`,
    en: `${n} closed cases were not compiled or transferred to the archive in time`,
  }),
  REVIEWER_RATIO: (n: number): Message => ({
    zh: `${n} 个执法机关法制审核人员不足（少于执法人员的 5% 或无审核人员）`,
    en: `${n} agencies have too few legal reviewers (under 5% of officers, or none)`,
  }),
};

/** 工作台: warnings (calendar, unconfirmed agencies, reviewer ratios L12) and counts in the user's scope. */
export async function dashboardRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '工作台 Dashboard',
        response: {
          200: z.object({
            today: z.string(),
            warnings: z.array(warningOut),
            reviewerRatios: z.array(reviewerRatioOut.extend({ agencyId: z.uuid(), agencyName: z.string() })),
            counts: z.object({
              agencies: z.number(),
              unconfirmedAgencies: z.number(),
              activeOfficers: z.number(),
              certificatesExpiringIn30Days: z.number(),
              openCases: z.number(),
              overdueCases: z.number(),
              archiveOverdue: z.number(),
            }),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize({ read: STAFF }, actor, 'read');
      const today = chinaDate(deps.clock.now());
      const year = Number(today.slice(0, 4));
      const calendar = deps.calendar.current;
      const warnings: z.infer<typeof warningOut>[] = [];
      const warn = (code: keyof typeof warningMessages, level: 'error' | 'warning' | 'info', m: Message) =>
        warnings.push({ code, level, message: m.zh, messageEn: m.en });
      if (!calendar.isYearLoaded(year)) warn('CALENDAR_CURRENT_YEAR_MISSING', 'error', warningMessages.CALENDAR_CURRENT_YEAR_MISSING(year));
      if (!calendar.isYearLoaded(year + 1)) warn('CALENDAR_NEXT_YEAR_MISSING', 'warning', warningMessages.CALENDAR_NEXT_YEAR_MISSING(year + 1));

      const scope = agencyScopeCondition(actor, agencies.id);
      const { rows } = await queryAgencies(db, today, { scope, kind: 'enforcement' });
      const ratios = rows.map((r) => ({ agencyId: r.agency.id, agencyName: r.agency.name, ...reviewerRatio(r.reviewers, r.activeOfficers) }));
      const unconfirmed = rows.filter((r) => !r.agency.confirmedAt).length;
      if (unconfirmed) warn('AGENCIES_UNCONFIRMED', 'info', warningMessages.AGENCIES_UNCONFIRMED(unconfirmed));
      const flagged = ratios.filter((r) => r.flag !== 'ok').length;
      if (flagged) warn('REVIEWER_RATIO', 'warning', warningMessages.REVIEWER_RATIO(flagged));

      const in30 = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
      const [counts] = (await db
        .select({
          activeOfficers: sql<number>`count(*) filter (where ${people.certificateStatus} = 'active' and ${people.certificateExpiresOn} >= ${today}::date)::int`,
          expiring: sql<number>`count(*) filter (where ${people.certificateStatus} = 'active' and ${people.certificateExpiresOn} between ${today}::date and ${in30}::date)::int`,
        })
        .from(people)
        .where(and(agencyScopeCondition(actor, people.agencyId)))) as [{ activeOfficers: number; expiring: number }];
      // Recording (R1, R8): open cases past a statutory clock, case files past their archive deadline.
      const open = (await db.select().from(cases).where(and(eq(cases.status, 'open'), agencyScopeCondition(actor, cases.agencyId)))).map(asCaseRow);
      const overrides = await overridesByItem(db, open.map((c) => c.powerItemId));
      const overdueCases = open.filter((c) => caseClocks(procedureOf(c.procedure), c, calendar, deps.clock.now(), overrides.get(c.powerItemId ?? '')).some((k) => k.status === 'overdue')).length;
      const archiveOverdue = (await db.transaction((tx) => archiveDue(tx, agencyScopeCondition(actor, cases.agencyId), calendar, deps.clock.now()))).filter((a) => a.status === 'overdue').length;
      if (overdueCases) warn('CASES_OVERDUE', 'error', warningMessages.CASES_OVERDUE(overdueCases));
      if (archiveOverdue) warn('ARCHIVE_OVERDUE', 'warning', warningMessages.ARCHIVE_OVERDUE(archiveOverdue));
      return {
        today,
        warnings,
        reviewerRatios: ratios,
        counts: {
          agencies: rows.length,
          unconfirmedAgencies: unconfirmed,
          activeOfficers: counts.activeOfficers,
          certificatesExpiringIn30Days: counts.expiring,
          openCases: open.length,
          overdueCases,
          archiveOverdue,
        },
      };
    },
  );
}


