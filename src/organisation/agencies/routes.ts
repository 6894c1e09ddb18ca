import { z } from 'zod';
import { agencyScopeCondition, authorize, loadAgencyRef, regionInScope } from '../../accounts/scope.js';
import { chinaDate } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, idParams, optionalText, pageQuery, regionCode } from '../../platform/http/schemas.js';
import { organisationPolicy } from '../policy.js';
import { agencies } from '../tables.js';
import { findRegion } from '../regions/regions.js';
import { createAgency, queryAgencies, setAgencyConfirmation, updateAgency } from './agencies.js';
import { agencyOut, presentAgency } from './presenter.js';
import { agencyFields, agencyPatchFields } from './schemas.js';


/** Agencies (执法主体, O1/P2/P13) with the reviewer ratio of each (L12). */
export async function agencyRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => chinaDate(deps.clock.now());

  const loadOne = async (id: string) => {
    const { rows } = await queryAgencies(db, today(), { id });
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return presentAgency(rows[0]);
  };

  app.get(
    '/api/agencies',
    {
      schema: {
        tags: ['organisation'],
        summary: '执法主体列表 Agencies in scope',
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          regionCode: regionCode().optional(),
          kind: z.enum(['enforcement', 'justice_bureau']).optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ items: z.array(agencyOut), total: z.number() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(organisationPolicy, actor, 'agency.read');
      const { rows, total } = await queryAgencies(db, today(), { ...request.query, scope: agencyScopeCondition(actor, agencies.id) });
      return { items: rows.map(presentAgency), total };
    },
  );

  app.get(
    '/api/agencies/:id',
    { schema: { tags: ['organisation'], summary: '执法主体 An agency', params: idParams, response: { 200: agencyOut, 404: errorBody } } },
    async (request) => {
      authorize(organisationPolicy, actorOf(request), 'agency.read', await loadAgencyRef(db, request.params.id));
      return loadOne(request.params.id);
    },
  );

  app.post(
    '/api/agencies',
    {
      schema: {
        tags: ['organisation'],
        summary: '登记执法主体 Register an agency',
        body: z.object(agencyFields),
        response: { 201: agencyOut, 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(organisationPolicy, actor, 'agency.create');
      const region = await findRegion(db, request.body.regionCode);
      if (!region) throw new AppError('VALIDATION_FAILED', [{ field: 'regionCode', code: 'not_found', message: '行政区划不存在', messageEn: 'No such region' }]);
      if (!regionInScope(actor, region.path)) throw new AppError('FORBIDDEN');
      const agency = await transaction(deps.database, (tx) => createAgency(tx, auditContext(request, deps), request.body));
      return reply.status(201).send(await loadOne(agency.id));
    },
  );

  app.patch(
    '/api/agencies/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: '修改执法主体信息 Update an agency (only the fields named; a new name or credit code needs the justice bureau to confirm again, P13)',
        params: idParams,
        body: agencyPatchFields,
        response: { 200: agencyOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      authorize(organisationPolicy, actorOf(request), 'agency.update', await loadAgencyRef(db, request.params.id));
      await transaction(deps.database, (tx) => updateAgency(tx, auditContext(request, deps), request.params.id, request.body));
      return loadOne(request.params.id);
    },
  );

  for (const [path, confirmed, summary] of [
    ['confirm', true, '确认执法主体资格 Confirm the agency’s status (justice bureau, P13)'],
    ['withdraw-confirmation', false, '撤销执法主体资格确认 Withdraw the confirmation'],
  ] as const) {
    app.post(
      `/api/agencies/:id/${path}`,
      {
        schema: {
          tags: ['organisation'],
          summary,
          params: idParams,
          body: z.object({ note: optionalText(500) }),
          response: { 200: agencyOut, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const target = await loadAgencyRef(db, request.params.id);
        authorize(organisationPolicy, actor, 'agency.confirm', target);
        // A justice bureau does not confirm itself.
        if (actor.agencyId === target.id) throw new AppError('FORBIDDEN');
        await transaction(deps.database, (tx) =>
          setAgencyConfirmation(tx, auditContext(request, deps), request.params.id, confirmed, request.body.note ?? null),
        );
        return loadOne(request.params.id);
      },
    );
  }
}
