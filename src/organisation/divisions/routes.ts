import { z } from 'zod';
import { authorize, loadAgencyRef } from '../../accounts/scope.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, idParams, optionalText } from '../../platform/http/schemas.js';
import { organisationPolicy } from '../policy.js';
import type { divisions } from '../tables.js';
import { createDivision, findDivision, listDivisions, updateDivision } from './divisions.js';

export const divisionOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  duties: z.string().nullable(),
  area: z.string().nullable(),
  isLegalAffairs: z.boolean(),
  sortOrder: z.number(),
});

const present = (d: typeof divisions.$inferSelect): z.infer<typeof divisionOut> => ({
  id: d.id,
  agencyId: d.agencyId,
  name: d.name,
  duties: d.duties,
  area: d.area,
  isLegalAffairs: d.isLegalAffairs,
  sortOrder: d.sortOrder,
});

const fields = {
  name: z.string().trim().min(1).max(100),
  duties: optionalText(4000),
  area: optionalText(500),
  isLegalAffairs: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};

/** Divisions (内设机构) with duties and area; which one is the legal-affairs division (L1, L12). */
export async function divisionRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/agencies/:id/divisions',
    { schema: { tags: ['organisation'], summary: '内设机构 Divisions of an agency', params: idParams, response: { 200: z.object({ items: z.array(divisionOut) }), 404: errorBody } } },
    async (request) => {
      authorize(organisationPolicy, actorOf(request), 'agency.read', await loadAgencyRef(db, request.params.id));
      return { items: (await listDivisions(db, request.params.id)).map(present) };
    },
  );

  app.post(
    '/api/agencies/:id/divisions',
    {
      schema: {
        tags: ['organisation'],
        summary: '新增内设机构 Add a division',
        params: idParams,
        body: z.object(fields),
        response: { 201: divisionOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      authorize(organisationPolicy, actorOf(request), 'division.manage', await loadAgencyRef(db, request.params.id));
      const division = await transaction(deps.database, (tx) => createDivision(tx, auditContext(request, deps), request.params.id, request.body));
      return reply.status(201).send(present(division));
    },
  );

  app.patch(
    '/api/divisions/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: '修改内设机构 Update a division',
        params: idParams,
        body: z.object(fields).partial(),
        response: { 200: divisionOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const existing = await findDivision(db, request.params.id);
      if (!existing) throw new AppError('NOT_FOUND');
      authorize(organisationPolicy, actorOf(request), 'division.manage', await loadAgencyRef(db, existing.agencyId));
      return present(await transaction(deps.database, (tx) => updateDivision(tx, auditContext(request, deps), existing.id, request.body)));
    },
  );
}
