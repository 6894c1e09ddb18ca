import { z } from 'zod';
import { organisationPolicy } from '../policy.js';
import { authorize, regionInScope } from '../../accounts/scope.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, regionCode, regionLevel } from '../../platform/http/schemas.js';
import { createRegion, findRegion, listRegions, renameRegion } from './regions.js';

const regionOut = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevel,
  parentCode: z.string().nullable(),
  path: z.string(),
});

/** Regions by GB/T 2260 code (I1). Anyone logged in reads them; supervisors manage their subtree. */
export async function regionRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const present = (r: z.infer<typeof regionOut>) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, path: r.path });

  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['organisation'],
        summary: '行政区划 Regions (children of a parent, or provinces)',
        querystring: z.object({ parentCode: regionCode().optional() }),
        response: { 200: z.object({ items: z.array(regionOut) }) },
      },
    },
    async (request) => ({ items: (await listRegions(db, request.query.parentCode ?? null)).map(present) }),
  );

  app.post(
    '/api/regions',
    {
      schema: {
        tags: ['organisation'],
        summary: '新增行政区划 Add a region',
        body: z.object({ code: regionCode(), name: z.string().trim().min(1).max(100), parentCode: regionCode().nullable() }),
        response: { 201: regionOut, 400: errorBody, 403: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(organisationPolicy, actor, 'region.manage');
      const { parentCode } = request.body;
      const parent = parentCode ? await findRegion(db, parentCode) : undefined;
      if (parentCode && !parent) throw new AppError('REGION_PARENT_MISMATCH');
      // A supervisor adds regions only below their own region.
      const scopePath = parent ? parent.path : `${request.body.code}/`;
      if (!regionInScope(actor, scopePath) || (!parent && !actor.roles.includes('system_admin'))) throw new AppError('FORBIDDEN');
      const region = await transaction(deps.database, (tx) => createRegion(tx, auditContext(request, deps), request.body));
      return reply.status(201).send(present(region));
    },
  );

  app.patch(
    '/api/regions/:code',
    {
      schema: {
        tags: ['organisation'],
        summary: '修改行政区划名称 Rename a region',
        params: z.object({ code: regionCode() }),
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 200: regionOut, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(organisationPolicy, actor, 'region.manage');
      const region = await findRegion(db, request.params.code);
      if (!region) throw new AppError('NOT_FOUND');
      if (!regionInScope(actor, region.path)) throw new AppError('FORBIDDEN');
      return present(await transaction(deps.database, (tx) => renameRegion(tx, auditContext(request, deps), region.code, request.body.name)));
    },
  );
}
