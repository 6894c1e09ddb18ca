import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allowed, authorize, loadAgencyRef } from '../../accounts/scope.js';
import { recordAudit } from '../../audit/record.js';
import { chinaDate } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, idParams, isoDate, optionalText } from '../../platform/http/schemas.js';
import { organisationPolicy } from '../policy.js';
import { assignHolder } from './assign-holder.js';
import { createGroup } from './create-group.js';
import { createPosition } from './create-position.js';
import {
  GROUP_ROLES,
  groupOut,
  groupSummaryOut,
  holderOut,
  positionOut,
  presentGroup,
  presentGroupSummary,
  presentHolder,
  presentPosition,
} from './presenter.js';
import { findGroup, findPosition, holderHistory, listGroups, listPositions, resolveGroup } from './queries.js';
import { updateGroup } from './update-group.js';

const customIssue = (code: string, message: string, path: (string | number)[] = []) =>
  ({ code: 'custom', message, path, params: { code } }) as const;

const positionFields = {
  title: z.string().trim().min(1).max(50),
  divisionId: z.uuid().nullish(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};

const holderBody = z
  .object({ personId: z.uuid(), fromDate: isoDate(), toDate: isoDate().nullish() })
  .superRefine((b, ctx) => {
    if (b.toDate && b.toDate < b.fromDate) ctx.addIssue(customIssue('too_small', 'toDate is before fromDate', ['toDate']));
  });

/** Seats in list order; O4 groups need a 组长 and name each position once. */
const membersIn = z
  .array(z.object({ positionId: z.uuid(), role: z.enum(GROUP_ROLES) }))
  .min(1)
  .max(100)
  .superRefine((members, ctx) => {
    if (!members.some((m) => m.role === 'leader')) ctx.addIssue(customIssue('leader_required', 'a leader is required'));
    const seen = new Set<string>();
    members.forEach((m, i) => {
      if (seen.has(m.positionId)) ctx.addIssue(customIssue('duplicate', 'position listed twice', [i, 'positionId']));
      seen.add(m.positionId);
    });
  });

const groupFields = {
  name: z.string().trim().min(2).max(100),
  purpose: optionalText(2000),
  officeDivisionId: z.uuid().nullish(),
  establishedOn: isoDate().nullish(),
  members: membersIn,
};

/**
 * Positions, who held them when, and leading groups (领导小组) defined by position (O4). Reading
 * holders' names is a list of people, so it is audited (`person.list`).
 */
export async function groupRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => chinaDate(deps.clock.now());

  const auditNamesShown = async (request: FastifyRequest, agencyId: string, subject: { type: string; id: string }, personIds: string[]) => {
    if (personIds.length === 0) return;
    await transaction(deps.database, (tx) =>
      recordAudit(tx, auditContext(request, deps), {
        action: 'person.list',
        subjectType: subject.type,
        subjectId: subject.id,
        agencyId,
        detail: { ids: [...new Set(personIds)] },
      }),
    );
  };

  app.get(
    '/api/agencies/:id/positions',
    {
      schema: {
        tags: ['organisation'],
        summary: '职务及现任人员 Positions of an agency and their holders today',
        params: idParams,
        response: { 200: z.object({ items: z.array(positionOut), canManage: z.boolean() }), 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const agency = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actor, 'agency.read', agency);
      const rows = await listPositions(db, { agencyId: agency.id }, today());
      await auditNamesShown(request, agency.id, { type: 'agency', id: agency.id }, rows.flatMap((r) => (r.holder ? [r.holder.personId] : [])));
      return { items: rows.map(presentPosition), canManage: allowed(organisationPolicy, actor, 'group.manage', agency) };
    },
  );

  app.post(
    '/api/agencies/:id/positions',
    {
      schema: {
        tags: ['organisation'],
        summary: '新增职务 Add a position',
        params: idParams,
        body: z.object(positionFields),
        response: { 201: positionOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      authorize(organisationPolicy, actorOf(request), 'group.manage', await loadAgencyRef(db, request.params.id));
      const position = await transaction(deps.database, (tx) => createPosition(tx, auditContext(request, deps), request.params.id, request.body));
      const [row] = await listPositions(db, { id: position.id }, today());
      return reply.status(201).send(presentPosition(row!));
    },
  );

  app.get(
    '/api/positions/:id/holders',
    {
      schema: {
        tags: ['organisation'],
        summary: '任职记录 Who held a position, oldest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(holderOut) }), 404: errorBody },
      },
    },
    async (request) => {
      const position = await findPosition(db, request.params.id);
      if (!position) throw new AppError('NOT_FOUND');
      authorize(organisationPolicy, actorOf(request), 'agency.read', await loadAgencyRef(db, position.agencyId));
      const history = await holderHistory(db, position.id);
      await auditNamesShown(request, position.agencyId, { type: 'position', id: position.id }, history.map((h) => h.personId));
      return { items: history.map(presentHolder) };
    },
  );

  app.post(
    '/api/positions/:id/holders',
    {
      schema: {
        tags: ['organisation'],
        summary: '任职 A person holds the position from a date (the predecessor’s holding ends the day before)',
        params: idParams,
        body: holderBody,
        response: { 201: z.object({ items: z.array(holderOut) }), 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const position = await findPosition(db, request.params.id);
      if (!position) throw new AppError('NOT_FOUND');
      authorize(organisationPolicy, actorOf(request), 'group.manage', await loadAgencyRef(db, position.agencyId));
      await transaction(deps.database, (tx) => assignHolder(tx, auditContext(request, deps), position.id, request.body));
      return reply.status(201).send({ items: (await holderHistory(db, position.id)).map(presentHolder) });
    },
  );

  app.get(
    '/api/agencies/:id/leading-groups',
    {
      schema: {
        tags: ['organisation'],
        summary: '领导小组 Leading groups of an agency',
        params: idParams,
        response: { 200: z.object({ items: z.array(groupSummaryOut), canManage: z.boolean() }), 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const agency = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actor, 'agency.read', agency);
      const rows = await listGroups(db, agency.id);
      return { items: rows.map(presentGroupSummary), canManage: allowed(organisationPolicy, actor, 'group.manage', agency) };
    },
  );

  app.post(
    '/api/agencies/:id/leading-groups',
    {
      schema: {
        tags: ['organisation'],
        summary: '成立领导小组 Set up a leading group by position',
        params: idParams,
        body: z.object(groupFields),
        response: { 201: groupOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const agency = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actor, 'group.manage', agency);
      const group = await transaction(deps.database, (tx) => createGroup(tx, auditContext(request, deps), agency.id, request.body));
      return reply.status(201).send(presentGroup((await resolveGroup(db, group.id, today()))!, true));
    },
  );

  app.get(
    '/api/leading-groups/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: '领导小组组成（按日期） A leading group with the holder of each position on a date',
        params: idParams,
        querystring: z.object({ date: isoDate().optional().describe('YYYY-MM-DD; default today (China time)') }),
        response: { 200: groupOut, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const existing = await findGroup(db, request.params.id);
      if (!existing) throw new AppError('NOT_FOUND');
      const agency = await loadAgencyRef(db, existing.agencyId);
      authorize(organisationPolicy, actor, 'agency.read', agency);
      const resolved = await resolveGroup(db, existing.id, request.query.date ?? today());
      if (!resolved) throw new AppError('NOT_FOUND');
      const shown = resolved.members.flatMap((m) => (m.holder ? [m.holder.personId] : []));
      await auditNamesShown(request, agency.id, { type: 'leading_group', id: existing.id }, shown);
      return presentGroup(resolved, allowed(organisationPolicy, actor, 'group.manage', agency));
    },
  );

  app.patch(
    '/api/leading-groups/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: '修改领导小组 Update a leading group (not needed when a person changes)',
        params: idParams,
        body: z.object(groupFields).partial(),
        response: { 200: groupOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const existing = await findGroup(db, request.params.id);
      if (!existing) throw new AppError('NOT_FOUND');
      authorize(organisationPolicy, actorOf(request), 'group.manage', await loadAgencyRef(db, existing.agencyId));
      await transaction(deps.database, (tx) => updateGroup(tx, auditContext(request, deps), existing.id, request.body));
      return presentGroup((await resolveGroup(db, existing.id, today()))!, true);
    },
  );
}
