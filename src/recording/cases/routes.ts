import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agencyScopeCondition, authorize, loadAgencyRef } from '../../accounts/scope.js';
import { recordAudit } from '../../audit/record.js';
import { invalidField } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, idParams } from '../../platform/http/schemas.js';
import { appendCaseEvent } from '../chain.js';
import { recordingPolicy } from '../policy.js';
import { avRequiredSteps, powerItems } from '../tables.js';
import { checkTimeLimits, overridesByItem, timeLimitsSchema } from './clock-overrides.js';
import { DOC_TYPE_IDS } from '../documents/library.js';
import { assertProcedures } from '../workflows/check.js';
import { PROCEDURE_IDS, PROCEDURES, procedureOf } from '../workflows/procedures/index.js';
import { caseDetail, listCases } from './case-view.js';
import { completeStep, stepBody } from './complete-step.js';
import { asCaseRow, loadCaseFor } from './load.js';
import { openCase, openCaseBody } from './open-case.js';
import { avListItemOut, caseDetailOut, caseSummaryOut, powerItemOut, presentCaseSummary, presentPowerItem, presentProcedure, procedureOut, stepResultOut } from './presenter.js';

const readErrors = { 400: errorBody, 403: errorBody, 404: errorBody };
const writeErrors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const listQuery = z.object({
  status: z.enum(['open', 'closed', 'archived']).optional(),
  procedure: z.enum(PROCEDURE_IDS).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const powerItemBody = z
  .object({
    agencyId: z.uuid().optional(),
    code: z.string().trim().regex(/^[0-9A-Za-z-]{1,40}$/),
    name: z.string().trim().min(1).max(200),
    category: z.enum(['licensing', 'penalty', 'coercion', 'inspection', 'levy']),
    legalBasis: z.string().trim().min(1).max(4000),
    divisionId: z.uuid().nullish(),
    timeLimits: timeLimitsSchema.optional(),
  })
  .strict();

const avListBody = z
  .object({ items: z.array(z.object({ procedure: z.enum(PROCEDURE_IDS), step: z.string().min(1).max(60), required: z.boolean() }).strict()).min(1).max(200) })
  .strict();

/**
 * Enforcement cases (R1–R5): open, work through the procedure's transitions table, read the case
 * page with its timeline, clocks and legal next steps. Every read of a case is itself recorded.
 */
export async function caseRoutes(app: App, deps: AppDeps) {
  assertProcedures(PROCEDURES, DOC_TYPE_IDS);
  const { db } = deps.database;
  const now = () => deps.clock.now();

  app.get(
    '/api/procedures',
    { schema: { tags: ['recording'], summary: '办案流程 The transitions tables (procedures, states, steps, clocks)', response: { 200: z.object({ items: z.array(procedureOut) }) } } },
    async () => ({ items: PROCEDURES.map(presentProcedure) }),
  );

  app.get(
    '/api/cases',
    { schema: { tags: ['recording'], summary: '案件列表 Cases in scope', querystring: listQuery, response: { 200: z.object({ items: z.array(caseSummaryOut), total: z.number() }), ...readErrors } } },
    async (request) => {
      const actor = actorOf(request);
      authorize(recordingPolicy, actor, 'case.read');
      const { mine, ...q } = request.query;
      const { rows, total } = await listCases(db, actor, { ...q, mine: mine === 'true' });
      const calendar = deps.calendar.current;
      const overrides = await overridesByItem(db, rows.map((r) => r.c.powerItemId));
      return { items: rows.map((r) => presentCaseSummary(r.c, r.agencyName, calendar, now(), overrides.get(r.c.powerItemId ?? ''))), total };
    },
  );

  app.post(
    '/api/cases',
    { schema: { tags: ['recording'], summary: '登记案件 Open a case (registers its source)', body: openCaseBody, response: { 201: caseDetailOut, ...writeErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const kase = await transaction(deps.database, (tx) => openCase(tx, auditContext(request, deps), actor, request.body));
      const detail = await transaction(deps.database, async (tx) => caseDetail(tx, actor, asCaseRow(kase), now(), deps.calendar.current));
      return reply.code(201).send(detail);
    },
  );

  app.get(
    '/api/cases/:id',
    { schema: { tags: ['recording'], summary: '案件详情 The case page: parties, officers, clocks, next steps, documents, timeline', params: idParams, response: { 200: caseDetailOut, ...readErrors } } },
    async (request) => {
      const actor = actorOf(request);
      return transaction(deps.database, async (tx) => {
        await loadCaseFor(tx, actor, request.params.id, 'case.read');
        await appendCaseEvent(tx, auditContext(request, deps), request.params.id, { type: 'case.viewed', payload: {} });
        const kase = await loadCaseFor(tx, actor, request.params.id, 'case.read');
        return caseDetail(tx, actor, kase, now(), deps.calendar.current);
      });
    },
  );

  app.post(
    '/api/cases/:id/steps',
    { schema: { tags: ['recording'], summary: '办理步骤 Complete the next step (documents, recordings or reasons why not)', params: idParams, body: stepBody, response: { 200: stepResultOut, ...writeErrors } } },
    async (request) => {
      const actor = actorOf(request);
      const result = await transaction(deps.database, (tx) => completeStep(tx, deps, auditContext(request, deps), actor, request.params.id, request.body));
      const detail = await transaction(deps.database, (tx) => caseDetail(tx, actor, asCaseRow(result.case), now(), deps.calendar.current));
      return { ...detail, issuedDocuments: result.documents, referredCaseId: result.referredCaseId, provisionalDates: result.provisionalDates };
    },
  );

  app.get(
    '/api/power-items',
    {
      schema: {
        tags: ['recording'],
        summary: '权力清单 Power list items in scope',
        querystring: z.object({ agencyId: z.uuid().optional(), category: z.enum(['licensing', 'penalty', 'coercion', 'inspection', 'levy']).optional() }),
        response: { 200: z.object({ items: z.array(powerItemOut) }), ...readErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(recordingPolicy, actor, 'case.read');
      const { agencyId, category } = request.query;
      const rows = await db
        .select()
        .from(powerItems)
        .where(and(agencyScopeCondition(actor, powerItems.agencyId), agencyId ? eq(powerItems.agencyId, agencyId) : undefined, category ? eq(powerItems.category, category) : undefined))
        .orderBy(asc(powerItems.code));
      return { items: rows.map(presentPowerItem) };
    },
  );

  app.post(
    '/api/power-items',
    { schema: { tags: ['recording'], summary: '新增权力事项 Add a power list item', body: powerItemBody, response: { 201: powerItemOut, ...writeErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const agencyId = request.body.agencyId ?? actor.agencyId;
      if (!agencyId) throw invalidField('agencyId', 'required');
      authorize(recordingPolicy, actor, 'power_item.manage', await loadAgencyRef(db, agencyId));
      const timeLimits = request.body.timeLimits ?? {};
      checkTimeLimits(request.body.category, timeLimits);
      const row = await transaction(deps.database, async (tx) => {
        const [r] = await tx.insert(powerItems).values({ ...request.body, agencyId, divisionId: request.body.divisionId ?? null, timeLimits, createdAt: now() }).returning();
        await recordAudit(tx, auditContext(request, deps), { action: 'power_item.created', subjectType: 'power_item', subjectId: r!.id, agencyId, detail: { code: r!.code, ...(Object.keys(timeLimits).length ? { timeLimits } : {}) } });
        return r!;
      });
      return reply.code(201).send(presentPowerItem(row));
    },
  );

  app.get(
    '/api/agencies/:id/av-list',
    { schema: { tags: ['recording'], summary: '音像记录事项清单 Steps that require audio/video recording (R3)', params: idParams, response: { 200: z.object({ items: z.array(avListItemOut) }), ...readErrors } } },
    async (request) => {
      const actor = actorOf(request);
      authorize(recordingPolicy, actor, 'case.read', await loadAgencyRef(db, request.params.id));
      const overrides = await db.select().from(avRequiredSteps).where(eq(avRequiredSteps.agencyId, request.params.id));
      return {
        items: PROCEDURES.flatMap((p) =>
          p.steps.map((s) => {
            const o = overrides.find((x) => x.procedure === p.id && x.step === s.id);
            return { procedure: p.id, procedureName: p.zh, step: s.id, stepName: s.zh, default: s.av, required: o ? o.required : s.av, overridden: !!o };
          }),
        ),
      };
    },
  );

  app.put(
    '/api/agencies/:id/av-list',
    { schema: { tags: ['recording'], summary: '配置音像记录事项清单 Set which steps require A/V recording (R3)', params: idParams, body: avListBody, response: { 200: z.object({ updated: z.number() }), ...writeErrors } } },
    async (request) => {
      const actor = actorOf(request);
      authorize(recordingPolicy, actor, 'av_list.manage', await loadAgencyRef(db, request.params.id));
      request.body.items.forEach((item, i) => {
        if (!procedureOf(item.procedure).steps.some((s) => s.id === item.step)) throw invalidField(`items.${i}.step`, 'invalid_value');
      });
      await transaction(deps.database, async (tx) => {
        for (const item of request.body.items)
          await tx
            .insert(avRequiredSteps)
            .values({ agencyId: request.params.id, ...item, updatedAt: now(), updatedBy: actor.userId })
            .onConflictDoUpdate({ target: [avRequiredSteps.agencyId, avRequiredSteps.procedure, avRequiredSteps.step], set: { required: item.required, updatedAt: now(), updatedBy: actor.userId } });
        await recordAudit(tx, auditContext(request, deps), { action: 'av_list.updated', subjectType: 'agency', subjectId: request.params.id, agencyId: request.params.id, detail: { items: request.body.items } });
      });
      return { updated: request.body.items.length };
    },
  );
}
