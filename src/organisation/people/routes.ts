import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { z } from 'zod';
import { agencyScopeCondition, authorize, loadAgencyRef, type AgencyRef } from '../../accounts/scope.js';
import { recordAudit } from '../../audit/record.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext, transaction, type App, type AppDeps } from '../../platform/http/context.js';
import { enforcementCategory, errorBody, idNumber, idParams, isoDate, optionalText, pageQuery, phone } from '../../platform/http/schemas.js';
import { contentKey } from '../../platform/storage/content-store.js';
import { organisationPolicy } from '../policy.js';
import { agencies, counsel, divisions, people, regions, trainings } from '../tables.js';
import { createPerson } from './create-person.js';
import { EFFECTIVE_STATUSES, personOut, presentPerson } from './presenter.js';
import { setPersonPhoto, storePhoto } from './set-person-photo.js';
import { addCounsel, addTraining } from './trainings-and-counsel.js';
import { updatePerson } from './update-person.js';

const certificateIn = z.object({
  number: z.string().trim().regex(/^[0-9A-Za-z-]{6,32}$/),
  issuedOn: isoDate(),
  expiresOn: isoDate(),
  status: z.enum(['active', 'suspended', 'revoked']),
});

const personFields = {
  name: z.string().trim().min(1).max(50),
  sex: z.enum(['male', 'female']).nullish(),
  idNumber: idNumber(),
  divisionId: z.uuid().nullish(),
  positionTitle: optionalText(50),
  phone: phone().nullish(),
  isLegalReviewer: z.boolean().optional(),
  certificate: certificateIn.nullish(),
  categories: z.array(enforcementCategory).max(5).optional(),
  area: optionalText(500),
  qualification: z.enum(['exam', 'legal_professional_qualification']).nullish(),
  qualificationNote: optionalText(200),
};

const trainingOut = z.object({ id: z.uuid(), kind: z.enum(['pre_job', 'on_job']), title: z.string(), provider: z.string().nullable(), hours: z.number(), completedOn: z.string() });
const counselOut = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['legal_adviser', 'public_sector_lawyer', 'outside_lawyer']), organisation: z.string().nullable(), phone: z.string().nullable(), specialties: z.string().nullable() });

function selectPeople(db: Db) {
  return db
    .select({ person: people, agencyName: agencies.name, divisionName: divisions.name, regionPath: regions.path, regionCode: agencies.regionCode })
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.agencyId))
    .innerJoin(regions, eq(regions.code, agencies.regionCode))
    .leftJoin(divisions, eq(divisions.id, people.divisionId));
}

/** People and officers (O2, P2, L12, L15): registry, certificates, photos, training, counsel pool. */
export async function peopleRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => chinaDate(deps.clock.now());

  const loadPerson = async (id: string) => {
    const [row] = await selectPeople(db).where(eq(people.id, id));
    if (!row) throw new AppError('NOT_FOUND');
    const ref: AgencyRef = { id: row.person.agencyId, regionCode: row.regionCode, regionPath: row.regionPath };
    return { row, ref };
  };

  app.get(
    '/api/people',
    {
      schema: {
        tags: ['organisation'],
        summary: '人员列表 People and officers in scope',
        querystring: z.object({
          agencyId: z.uuid().optional(),
          q: z.string().trim().min(1).max(50).optional(),
          status: z.enum(EFFECTIVE_STATUSES).optional(),
          reviewer: z.enum(['true', 'false']).optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ items: z.array(personOut), total: z.number() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(organisationPolicy, actor, 'person.read');
      const { agencyId, q, status, reviewer, limit, offset } = request.query;
      const d = today();
      const where = and(
        agencyScopeCondition(actor, people.agencyId),
        agencyId ? eq(people.agencyId, agencyId) : undefined,
        q ? or(ilike(people.name, `%${q}%`), eq(people.certificateNumber, q)) : undefined,
        reviewer ? eq(people.isLegalReviewer, reviewer === 'true') : undefined,
        status === 'expired'
          ? sql`${people.certificateStatus} = 'active' and ${people.certificateExpiresOn} < ${d}::date`
          : status === 'active'
            ? sql`${people.certificateStatus} = 'active' and ${people.certificateExpiresOn} >= ${d}::date`
            : status
              ? eq(people.certificateStatus, status)
              : undefined,
      );
      const rows = await selectPeople(db).where(where).orderBy(asc(agencies.name), asc(people.name)).limit(limit).offset(offset);
      const [{ total }] = (await db.select({ total: sql<number>`count(*)::int` }).from(people).where(where)) as [{ total: number }];
      if (rows.length) {
        await transaction(deps, (tx) =>
          recordAudit(tx, auditContext(request, deps), { action: 'person.list', subjectType: 'person', agencyId: agencyId ?? actor.agencyId, detail: { ids: rows.map((r) => r.person.id) } }),
        );
      }
      return {
        items: rows.map((r) => presentPerson(r, d, actor, { id: r.person.agencyId, regionCode: r.regionCode, regionPath: r.regionPath })),
        total,
      };
    },
  );

  app.get(
    '/api/people/:id',
    { schema: { tags: ['organisation'], summary: '人员详情 A person', params: idParams, response: { 200: personOut, 404: errorBody } } },
    async (request) => {
      const actor = actorOf(request);
      const { row, ref } = await loadPerson(request.params.id);
      authorize(organisationPolicy, actor, 'person.read', ref);
      await transaction(deps, (tx) => recordAudit(tx, auditContext(request, deps), { action: 'person.read', subjectType: 'person', subjectId: row.person.id, agencyId: ref.id }));
      return presentPerson(row, today(), actor, ref);
    },
  );

  app.post(
    '/api/agencies/:id/people',
    {
      schema: {
        tags: ['organisation'],
        summary: '登记人员 Register a person or officer',
        params: idParams,
        body: z.object(personFields),
        response: { 201: personOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const ref = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actor, 'person.manage', ref);
      const person = await transaction(deps, (tx) => createPerson(tx, auditContext(request, deps), ref.id, request.body));
      const { row } = await loadPerson(person.id);
      return reply.status(201).send(presentPerson(row, today(), actor, ref));
    },
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: '修改人员信息（含证件暂扣、吊销） Update a person, incl. certificate status',
        params: idParams,
        body: z.object(personFields).omit({ idNumber: true }).partial(),
        response: { 200: personOut, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { ref } = await loadPerson(request.params.id);
      authorize(organisationPolicy, actor, 'person.manage', ref);
      await transaction(deps, (tx) => updatePerson(tx, auditContext(request, deps), request.params.id, request.body));
      const { row } = await loadPerson(request.params.id);
      return presentPerson(row, today(), actor, ref);
    },
  );

  app.put(
    '/api/people/:id/photo',
    {
      schema: {
        tags: ['organisation'],
        summary: '上传照片 Upload a photo (multipart field "photo", JPEG or PNG, ≤ 5 MiB)',
        params: idParams,
        response: { 200: personOut, 400: errorBody, 403: errorBody, 404: errorBody, 413: errorBody, 415: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { ref } = await loadPerson(request.params.id);
      authorize(organisationPolicy, actor, 'person.manage', ref);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await request.file();
      if (!file || file.fieldname !== 'photo') {
        throw new AppError('VALIDATION_FAILED', [{ field: 'photo', code: 'required', message: '必填', messageEn: 'Required' }]);
      }
      const photo = await storePhoto(deps.store, file.file);
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
      await transaction(deps, (tx) => setPersonPhoto(tx, auditContext(request, deps), request.params.id, ref.id, photo));
      const { row } = await loadPerson(request.params.id);
      return presentPerson(row, today(), actor, ref);
    },
  );

  app.get(
    '/api/people/:id/photo',
    { schema: { tags: ['organisation'], summary: '照片 The person’s photo', params: idParams } },
    async (request, reply) => {
      const { row, ref } = await loadPerson(request.params.id);
      authorize(organisationPolicy, actorOf(request), 'person.read', ref);
      const sha = row.person.photoSha256;
      if (!sha) throw new AppError('NOT_FOUND');
      const [blob] = await deps.database.query<{ content_type: string; size: string }>('select content_type, size from blobs where sha256 = $1', [sha]);
      await transaction(deps, (tx) => recordAudit(tx, auditContext(request, deps), { action: 'person.photo_read', subjectType: 'person', subjectId: row.person.id, agencyId: ref.id }));
      return reply
        .type(blob?.content_type ?? 'application/octet-stream')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(await deps.store.get(contentKey(sha)));
    },
  );

  app.get(
    '/api/people/:id/qr.svg',
    { schema: { tags: ['organisation'], summary: '证件核验二维码 QR code of the public verification page', params: idParams } },
    async (request, reply) => {
      const { row, ref } = await loadPerson(request.params.id);
      authorize(organisationPolicy, actorOf(request), 'person.read', ref);
      if (!row.person.certificateNumber) throw new AppError('NOT_FOUND');
      const url = `${deps.config.publicUrl}/verify/officer/${encodeURIComponent(row.person.certificateNumber)}`;
      return reply.type('image/svg+xml').send(await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
    },
  );

  app.get(
    '/api/people/:id/trainings',
    { schema: { tags: ['organisation'], summary: '培训记录 Training records', params: idParams, response: { 200: z.object({ items: z.array(trainingOut) }), 404: errorBody } } },
    async (request) => {
      const { ref } = await loadPerson(request.params.id);
      authorize(organisationPolicy, actorOf(request), 'person.read', ref);
      const rows = await db.select().from(trainings).where(eq(trainings.personId, request.params.id)).orderBy(asc(trainings.completedOn));
      return { items: rows.map((t) => ({ id: t.id, kind: t.kind, title: t.title, provider: t.provider, hours: Number(t.hours), completedOn: t.completedOn })) };
    },
  );

  app.post(
    '/api/people/:id/trainings',
    {
      schema: {
        tags: ['organisation'],
        summary: '登记培训 Record a training (O2)',
        params: idParams,
        body: z.object({ kind: z.enum(['pre_job', 'on_job']), title: z.string().trim().min(1).max(200), provider: optionalText(200), hours: z.number().positive().max(2000), completedOn: isoDate() }),
        response: { 201: trainingOut, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { ref } = await loadPerson(request.params.id);
      authorize(organisationPolicy, actorOf(request), 'person.manage', ref);
      const t = await transaction(deps, (tx) => addTraining(tx, auditContext(request, deps), { id: request.params.id, agencyId: ref.id }, request.body));
      return reply.status(201).send({ id: t.id, kind: t.kind, title: t.title, provider: t.provider, hours: Number(t.hours), completedOn: t.completedOn });
    },
  );

  app.get(
    '/api/agencies/:id/counsel',
    { schema: { tags: ['organisation'], summary: '法律顾问库 Counsel pool (L15)', params: idParams, response: { 200: z.object({ items: z.array(counselOut) }), 404: errorBody } } },
    async (request) => {
      authorize(organisationPolicy, actorOf(request), 'agency.read', await loadAgencyRef(db, request.params.id));
      const rows = await db.select().from(counsel).where(eq(counsel.agencyId, request.params.id)).orderBy(asc(counsel.name));
      return { items: rows.map((c) => ({ id: c.id, name: c.name, kind: c.kind, organisation: c.organisation, phone: c.phone, specialties: c.specialties })) };
    },
  );

  app.post(
    '/api/agencies/:id/counsel',
    {
      schema: {
        tags: ['organisation'],
        summary: '添加法律顾问/公职律师 Add counsel (L15)',
        params: idParams,
        body: z.object({ name: z.string().trim().min(1).max(50), kind: z.enum(['legal_adviser', 'public_sector_lawyer', 'outside_lawyer']), organisation: optionalText(100), phone: phone().nullish(), specialties: optionalText(500) }),
        response: { 201: counselOut, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const ref = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actorOf(request), 'person.manage', ref);
      const c = await transaction(deps, (tx) => addCounsel(tx, auditContext(request, deps), ref.id, request.body));
      return reply.status(201).send({ id: c.id, name: c.name, kind: c.kind, organisation: c.organisation, phone: c.phone, specialties: c.specialties });
    },
  );
}
