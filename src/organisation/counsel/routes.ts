import { z } from 'zod';
import { allowed, authorize, loadAgencyRef } from '../../accounts/scope.js';
import { recordAudit } from '../../audit/record.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { errorBody, idParams, optionalText, phone } from '../../platform/http/schemas.js';
import { organisationPolicy } from '../policy.js';
import type { counsel } from '../tables.js';
import { addCounsel, listCounsel } from './add-counsel.js';

const COUNSEL_KINDS = ['legal_adviser', 'public_sector_lawyer', 'outside_lawyer'] as const;

export const counselOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  kind: z.enum(COUNSEL_KINDS),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  specialties: z.string().nullable(),
  isDemo: z.boolean(),
});

const present = (c: typeof counsel.$inferSelect): z.infer<typeof counselOut> => ({
  id: c.id,
  agencyId: c.agencyId,
  name: c.name,
  kind: c.kind,
  organisation: c.organisation,
  phone: c.phone,
  specialties: c.specialties,
  isDemo: c.isDemo,
});

const counselBody = z.object({
  name: z.string().trim().min(1).max(50),
  kind: z.enum(COUNSEL_KINDS),
  organisation: optionalText(100),
  phone: phone().nullish(),
  specialties: optionalText(500),
});

/**
 * 法律顾问、公职律师 — the pool of counsel an agency can call on for hard cases (L15). Names and
 * phone numbers are personal data, so showing the list is audited (counsel.list).
 */
export async function counselRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/agencies/:id/counsel',
    {
      schema: {
        tags: ['organisation'],
        summary: '法律顾问库 Counsel pool of an agency (L15)',
        params: idParams,
        response: { 200: z.object({ items: z.array(counselOut), canManage: z.boolean() }), 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const agency = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actor, 'person.read', agency);
      const rows = await listCounsel(db, agency.id);
      if (rows.length) {
        await transaction(deps.database, (tx) =>
          recordAudit(tx, auditContext(request, deps), {
            action: 'counsel.list',
            subjectType: 'agency',
            subjectId: agency.id,
            agencyId: agency.id,
            detail: { ids: rows.map((r) => r.id) },
          }),
        );
      }
      return { items: rows.map(present), canManage: allowed(organisationPolicy, actor, 'person.manage', agency) };
    },
  );

  app.post(
    '/api/agencies/:id/counsel',
    {
      schema: {
        tags: ['organisation'],
        summary: '新增法律顾问 Add counsel to the pool (L15)',
        params: idParams,
        body: counselBody,
        response: { 201: counselOut, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const agency = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actorOf(request), 'person.manage', agency);
      const row = await transaction(deps.database, (tx) => addCounsel(tx, auditContext(request, deps), agency.id, request.body));
      return reply.status(201).send(present(row));
    },
  );
}
