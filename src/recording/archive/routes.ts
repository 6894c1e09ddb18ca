import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agencyScopeCondition, allowed, authorize } from '../../accounts/scope.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, idParams } from '../../platform/http/schemas.js';
import { listCases } from '../cases/case-view.js';
import { overridesByItem } from '../cases/clock-overrides.js';
import { presentCaseSummary } from '../cases/presenter.js';
import { loadCaseFor } from '../cases/load.js';
import { recordingPolicy } from '../policy.js';
import { accessRequests, caseFiles, cases } from '../tables.js';
import { accessRequestBody, accessRequestCan, decideAccess, lodgersOf, decisionBody, giveOpinion, opinionBody, requestAccess, useAccess, useBody } from './access-requests.js';
import { addSupplement, archiveDue, compileCaseFile, transferCaseFile } from './archive.js';
import {
  accessRequestOut,
  accessRequestWithCanOut,
  archiveDueOut,
  caseFileOut,
  presentAccessRequest,
  presentAccessRequestWithCan,
  presentArchiveDue,
  presentCaseFile,
  todoOut,
} from './presenter.js';

const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/**
 * Case files and the archive (R8), access requests (R9), and the to-do list that gathers every
 * statutory clock and archive deadline of the user.
 */
export async function archiveRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const now = () => deps.clock.now();

  const presentFile = async (caseId: string) => {
    const [file] = await db.select().from(caseFiles).where(eq(caseFiles.caseId, caseId));
    const [kase] = await db.select().from(cases).where(eq(cases.id, caseId));
    return presentCaseFile(kase!, file, deps.calendar.current);
  };

  app.get(
    '/api/cases/:id/file',
    { schema: { tags: ['recording'], summary: '卷宗 The case file and its catalogue (R8)', params: idParams, response: { 200: caseFileOut, ...errors } } },
    async (request) => {
      await loadCaseFor(db, actorOf(request), request.params.id, 'case.read');
      return presentFile(request.params.id);
    },
  );

  app.post(
    '/api/cases/:id/file',
    { schema: { tags: ['recording'], summary: '立卷 Compile the closed case into its file with a catalogue (R8)', params: idParams, response: { 201: caseFileOut, ...errors } } },
    async (request, reply) => {
      await transaction(deps.database, (tx) => compileCaseFile(tx, auditContext(request, deps), actorOf(request), request.params.id));
      return reply.code(201).send(await presentFile(request.params.id));
    },
  );

  app.post(
    '/api/cases/:id/file/transfer',
    { schema: { tags: ['recording'], summary: '移交归档 Transfer the file to the archive office; the case becomes read-only', params: idParams, response: { 200: caseFileOut, ...errors } } },
    async (request) => {
      await transaction(deps.database, (tx) => transferCaseFile(tx, auditContext(request, deps), actorOf(request), request.params.id));
      return presentFile(request.params.id);
    },
  );

  app.post(
    '/api/cases/:id/supplements',
    {
      schema: {
        tags: ['recording'],
        summary: '补充材料 Add a supplementary record to an archived case',
        params: idParams,
        body: z.object({ note: z.string().trim().min(2).max(4000) }).strict(),
        response: { 201: z.object({ seq: z.number(), hash: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const added = await transaction(deps.database, (tx) => addSupplement(tx, auditContext(request, deps), actorOf(request), request.params.id, request.body));
      return reply.code(201).send(added);
    },
  );

  app.get(
    '/api/archive/due',
    { schema: { tags: ['recording'], summary: '归档提醒 Case files to compile (30 days) or transfer (30 July / 31 January)', response: { 200: z.object({ items: z.array(archiveDueOut) }), ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      authorize(recordingPolicy, actor, 'case.read');
      const due = await transaction(deps.database, (tx) => archiveDue(tx, agencyScopeCondition(actor, cases.agencyId), deps.calendar.current, now()));
      return { items: due.map(presentArchiveDue) };
    },
  );

  app.get(
    '/api/todo',
    {
      schema: {
        tags: ['recording'],
        summary: '待办 My open cases with their statutory clocks, and archive deadlines',
        response: { 200: todoOut, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(recordingPolicy, actor, 'case.read');
      const mine = await listCases(db, actor, { status: 'open', mine: !allowed(recordingPolicy, actor, 'case.approve'), limit: 200, offset: 0 });
      // Party windows (open/closed) are the party's time, not the agency's to keep: they rank as nothing running.
      const rank = { overdue: 0, due_soon: 1, running: 2, met: 3, met_late: 3, open: 3, closed: 3, paused: 3 } as const;
      const overrides = await overridesByItem(db, mine.rows.map((r) => r.c.powerItemId));
      const items = mine.rows
        .map((r) => presentCaseSummary(r.c, r.agencyName, deps.calendar.current, now(), overrides.get(r.c.powerItemId ?? '')))
        .map((c) => ({ ...c, urgency: Math.min(3, ...c.clocks.map((k) => rank[k.status])) }))
        .sort((a, b) => a.urgency - b.urgency || a.openedAt.localeCompare(b.openedAt));
      const archive = allowed(recordingPolicy, actor, 'archive.manage')
        ? await transaction(deps.database, (tx) => archiveDue(tx, agencyScopeCondition(actor, cases.agencyId), deps.calendar.current, now()))
        : [];
      return { cases: items, archive: archive.map(presentArchiveDue) };
    },
  );

  app.get(
    '/api/cases/:id/access-requests',
    { schema: { tags: ['recording'], summary: '查阅申请 Access requests of a case (R9)', params: idParams, response: { 200: z.object({ items: z.array(accessRequestWithCanOut) }), ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      await loadCaseFor(db, actor, request.params.id, 'case.read');
      const rows = await db.select().from(accessRequests).where(and(eq(accessRequests.caseId, request.params.id))).orderBy(desc(accessRequests.requestedAt));
      const lodgers = await lodgersOf(db, request.params.id);
      return { items: rows.map((r) => presentAccessRequestWithCan(r, accessRequestCan(actor, r, lodgers.get(r.id)))) };
    },
  );

  app.post(
    '/api/cases/:id/access-requests',
    { schema: { tags: ['recording'], summary: '申请查阅/复制 Register a request to read or copy the file (R9)', params: idParams, body: accessRequestBody, response: { 201: accessRequestOut, ...errors } } },
    async (request, reply) => {
      const row = await transaction(deps.database, (tx) => requestAccess(tx, auditContext(request, deps), actorOf(request), request.params.id, request.body));
      return reply.code(201).send(presentAccessRequest(row));
    },
  );

  app.post(
    '/api/access-requests/:id/opinion',
    { schema: { tags: ['recording'], summary: '科室负责人意见 Division head opinion (the approval for a licensing file)', params: idParams, body: opinionBody, response: { 200: accessRequestOut, ...errors } } },
    async (request) => presentAccessRequest(await transaction(deps.database, (tx) => giveOpinion(tx, auditContext(request, deps), actorOf(request), request.params.id, request.body))),
  );

  app.post(
    '/api/access-requests/:id/decision',
    { schema: { tags: ['recording'], summary: '机关负责人审批 Leader approval with a time box', params: idParams, body: decisionBody, response: { 200: accessRequestOut, ...errors } } },
    async (request) => presentAccessRequest(await transaction(deps.database, (tx) => decideAccess(tx, auditContext(request, deps), actorOf(request), request.params.id, request.body))),
  );

  app.post(
    '/api/access-requests/:id/use',
    { schema: { tags: ['recording'], summary: '登记查阅 Record one use of a grant', params: idParams, body: useBody, response: { 201: z.object({ seq: z.number(), hash: z.string() }), ...errors } } },
    async (request, reply) =>
      reply.code(201).send(await transaction(deps.database, (tx) => useAccess(tx, auditContext(request, deps), actorOf(request), request.params.id, request.body))),
  );
}
