import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { agencyScopeCondition, authorize, loadAgencyRef, type AgencyRef } from '../../accounts/scope.js';
import { recordAudit, type AuditEntry } from '../../audit/record.js';
import { verifyPath } from '../../portal/presenters.js';
import { chinaDate } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { uploadedFilePart } from '../../platform/http/multipart.js';
import { binaryResponse, enforcementCategory, errorBody, idParams, isoDate, optionalText, pageQuery, phone } from '../../platform/http/schemas.js';
import { idNumber } from '../identity-schemas.js';
import { contentKey } from '../../platform/storage/content-store.js';
import { organisationPolicy } from '../policy.js';
import { people } from '../tables.js';
import { addTraining, listTrainings } from './add-training.js';
import { CERTIFICATE_STATUSES, EFFECTIVE_CERTIFICATE_STATUSES } from './certificate.js';
import { createPerson } from './create-person.js';
import type { PersonInput } from './person-rules.js';
import { personOut, presentPerson, presentTraining, trainingOut } from './presenter.js';
import { findPersonAgency, findPersonPhoto, findPersonRow, queryPeople } from './queries.js';
import { PHOTO_MAX_BYTES, setPersonPhoto, storePhoto } from './set-person-photo.js';
import { updatePerson } from './update-person.js';

/** 6–32 letters, digits or hyphens (the web form checks the same): the public looks it up and it goes into URLs (P3). */
const certificateNumber = z.string().trim().regex(/^[0-9A-Za-z-]{6,32}$/);

const certificateIn = z.object({
  number: certificateNumber,
  issuedOn: isoDate(),
  expiresOn: isoDate(),
  status: z.enum(CERTIFICATE_STATUSES).default('active'),
});

const personFields = {
  name: z.string().trim().min(1).max(50),
  sex: z.enum(['male', 'female']).nullish(),
  idNumber: idNumber(),
  divisionId: z.uuid().nullish(),
  positionTitle: optionalText(50),
  phone: phone().nullish(),
  isLegalReviewer: z.boolean().default(false),
  certificate: certificateIn.nullish().describe('执法证; null for staff without one. The expiry date must be after the issue date (422 CERTIFICATE_DATES_INVALID).'),
  categories: z.array(enforcementCategory).max(5).default([]),
  area: optionalText(500),
  qualification: z.enum(['exam', 'legal_professional_qualification']).nullish(),
  qualificationNote: optionalText(500),
};

const createBody = z.object(personFields);
/** Every field optional, no defaults: an absent field keeps its stored value. */
/**
 * A PATCH names what it changes: no defaults here, or a field left out would be reset. A new
 * certificate without a status keeps the stored one (a revoked certificate is not reinstated by
 * correcting its number); a person's first certificate starts active (update-person.ts).
 */
const updateBody = z
  .object({
    ...personFields,
    isLegalReviewer: z.boolean(),
    categories: z.array(enforcementCategory).max(5),
    certificate: certificateIn.extend({ status: z.enum(CERTIFICATE_STATUSES).optional() }).nullish(),
  })
  .partial();

/** The request's nested certificate to the use cases' flat fields; an absent key leaves the stored value. */
function toPersonInput(body: z.infer<typeof createBody>): PersonInput;
function toPersonInput(body: z.infer<typeof updateBody>): Partial<PersonInput>;
function toPersonInput({ certificate, ...rest }: z.infer<typeof updateBody>): Partial<PersonInput> {
  const input: Partial<PersonInput> = { ...rest };
  if (certificate !== undefined) {
    input.certificateNumber = certificate?.number ?? null;
    input.certificateIssuedOn = certificate?.issuedOn ?? null;
    input.certificateExpiresOn = certificate?.expiresOn ?? null;
    // Absent status (PATCH only): keep the stored one.
    if (certificate === null || certificate.status !== undefined) input.certificateStatus = certificate?.status ?? null;
  }
  return input;
}

const trainingBody = z.object({
  kind: z.enum(['pre_job', 'on_job']),
  title: z.string().trim().min(1).max(200),
  provider: optionalText(200),
  // numeric(6, 1): tenths of an hour.
  hours: z
    .number()
    .positive()
    .max(2000)
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, { params: { code: 'invalid_format' } }),
  completedOn: isoDate(),
});

const listQuery = z.object({
  agencyId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  status: z.enum([...EFFECTIVE_CERTIFICATE_STATUSES, 'none']).optional().describe('effective certificate status; none = no certificate'),
  reviewer: z.enum(['true', 'false']).optional().describe('only legal reviewers (true) or only others (false)'),
  ...pageQuery,
});

const readErrors = { 400: errorBody, 404: errorBody };
const writeErrors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/**
 * The registry of staff and enforcement officers (O2, P2, P12) with their photos, certificates
 * and trainings. The full ID number never leaves (idNumberMasked only), and every response that
 * shows personal data is audited (person.read / person.list / person.photo_read).
 */
export async function peopleRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => chinaDate(deps.clock.now());

  /** Loads the person's agency and authorises; a person out of scope is NOT_FOUND, like a missing one. */
  const authorizeOnPerson = async (request: FastifyRequest, personId: string, permission: 'person.read' | 'person.manage'): Promise<AgencyRef> => {
    const agencyId = await findPersonAgency(db, personId);
    if (!agencyId) throw new AppError('NOT_FOUND');
    const agency = await loadAgencyRef(db, agencyId);
    authorize(organisationPolicy, actorOf(request), permission, agency);
    return agency;
  };

  /** Reads of personal data are audited in their own short transaction. */
  const auditRead = (request: FastifyRequest, entry: AuditEntry) => transaction(deps.database, (tx) => recordAudit(tx, auditContext(request, deps), entry));

  const present = async (request: FastifyRequest, personId: string) =>
    presentPerson((await findPersonRow(db, today(), personId))!, today(), actorOf(request));

  app.get(
    '/api/people',
    {
      schema: {
        tags: ['organisation'],
        summary: '人员名录 Staff and officers in scope (q matches the name or the certificate number)',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(personOut), total: z.number() }), ...readErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { agencyId, reviewer, ...query } = request.query;
      if (agencyId) authorize(organisationPolicy, actor, 'person.read', await loadAgencyRef(db, agencyId));
      else authorize(organisationPolicy, actor, 'person.read');
      const { rows, total } = await queryPeople(db, today(), {
        ...query,
        agencyId,
        reviewer: reviewer === undefined ? undefined : reviewer === 'true',
        scope: agencyScopeCondition(actor, people.agencyId),
      });
      if (rows.length) {
        await auditRead(request, {
          action: 'person.list',
          subjectType: agencyId ? 'agency' : 'people',
          subjectId: agencyId ?? null,
          agencyId: agencyId ?? null,
          detail: { ids: rows.map((r) => r.person.id) },
        });
      }
      return { items: rows.map((row) => presentPerson(row, today(), actor)), total };
    },
  );

  app.get(
    '/api/people/:id',
    { schema: { tags: ['organisation'], summary: '人员信息 A member of staff', params: idParams, response: { 200: personOut, ...readErrors } } },
    async (request) => {
      const agency = await authorizeOnPerson(request, request.params.id, 'person.read');
      await auditRead(request, { action: 'person.read', subjectType: 'person', subjectId: request.params.id, agencyId: agency.id });
      return present(request, request.params.id);
    },
  );

  app.post(
    '/api/agencies/:id/people',
    {
      schema: {
        tags: ['organisation'],
        summary: '登记人员 Register a member of staff or an officer',
        description: 'The ID number (GB 11643-1999) is checked and stored; responses show it masked only. A certificate number is unique system-wide (409 DUPLICATE_CERTIFICATE_NUMBER), an ID number per agency (409 DUPLICATE_ID_NUMBER).',
        params: idParams,
        body: createBody,
        response: { 201: personOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agency = await loadAgencyRef(db, request.params.id);
      authorize(organisationPolicy, actorOf(request), 'person.manage', agency);
      const person = await transaction(deps.database, (tx) => createPerson(tx, auditContext(request, deps), agency.id, toPersonInput(request.body)));
      return reply.status(201).send(await present(request, person.id));
    },
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: '修改人员信息 Update a member of staff (suspend, revoke or reinstate a certificate through certificate.status)',
        params: idParams,
        body: updateBody,
        response: { 200: personOut, ...writeErrors },
      },
    },
    async (request) => {
      await authorizeOnPerson(request, request.params.id, 'person.manage');
      await transaction(deps.database, (tx) => updatePerson(tx, auditContext(request, deps), request.params.id, toPersonInput(request.body)));
      return present(request, request.params.id);
    },
  );

  app.put(
    '/api/people/:id/photo',
    {
      schema: {
        tags: ['organisation'],
        summary: '上传照片 Set the photo (multipart field "photo": JPEG or PNG, at most 5 MiB)',
        description: 'The type is read from the file’s first bytes, not from its name or declared type: anything else is 415 INVALID_IMAGE; over 5 MiB is 413 PAYLOAD_TOO_LARGE.',
        params: idParams,
        response: { 200: personOut, ...writeErrors, 413: errorBody, 415: errorBody },
      },
      // A refused upload is left unread or half read: close the connection after the answer
      // rather than read the rest of it (megabytes, perhaps) to keep the connection alive.
      onError: async (_request, reply) => {
        reply.header('connection', 'close');
      },
    },
    async (request) => {
      await authorizeOnPerson(request, request.params.id, 'person.manage');
      // One byte over the limit reaches the store, which refuses it with PAYLOAD_TOO_LARGE.
      const part = await uploadedFilePart(request, 'photo', { limits: { fileSize: PHOTO_MAX_BYTES + 1 } });
      const photo = await storePhoto(deps.store, part.file);
      await transaction(deps.database, (tx) => setPersonPhoto(tx, auditContext(request, deps), request.params.id, photo));
      return present(request, request.params.id);
    },
  );

  app.get(
    '/api/people/:id/photo',
    {
      schema: {
        tags: ['organisation'],
        summary: '照片 The photo (image/png or image/jpeg)',
        params: idParams,
        response: { 200: binaryResponse('the photo', ['image/png', 'image/jpeg']), ...readErrors },
      },
    },
    async (request, reply) => {
      const agency = await authorizeOnPerson(request, request.params.id, 'person.read');
      const photo = await findPersonPhoto(db, request.params.id);
      if (!photo) throw new AppError('NOT_FOUND');
      await auditRead(request, { action: 'person.photo_read', subjectType: 'person', subjectId: request.params.id, agencyId: agency.id, detail: { sha256: photo.sha256 } });
      return reply
        .type(photo.contentType)
        .header('content-length', photo.size)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(await deps.store.get(contentKey(photo.sha256)));
    },
  );

  app.get(
    '/api/people/:id/qr.svg',
    {
      schema: {
        tags: ['organisation'],
        summary: '执法证二维码 QR code of the public certificate check (P3); 404 without a certificate',
        params: idParams,
        response: { 200: binaryResponse('the QR code', ['image/svg+xml']), ...readErrors },
      },
    },
    async (request, reply) => {
      await authorizeOnPerson(request, request.params.id, 'person.read');
      const row = await findPersonRow(db, today(), request.params.id);
      const number = row?.person.certificateNumber;
      if (!number) throw new AppError('NOT_FOUND');
      // The same address as the printed card's code: the public verification page (src/portal).
      const svg = await QRCode.toString(`${deps.config.publicUrl}${verifyPath(number)}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return reply.type('image/svg+xml').header('cache-control', 'private, no-cache').send(svg);
    },
  );

  app.get(
    '/api/people/:id/trainings',
    {
      schema: {
        tags: ['organisation'],
        summary: '培训记录 Trainings of a person, latest first (O2)',
        params: idParams,
        response: { 200: z.object({ items: z.array(trainingOut) }), ...readErrors },
      },
    },
    async (request) => {
      const agency = await authorizeOnPerson(request, request.params.id, 'person.read');
      const items = await listTrainings(db, request.params.id);
      await auditRead(request, { action: 'person.read', subjectType: 'person', subjectId: request.params.id, agencyId: agency.id, detail: { view: 'trainings' } });
      return { items: items.map(presentTraining) };
    },
  );

  app.post(
    '/api/people/:id/trainings',
    {
      schema: {
        tags: ['organisation'],
        summary: '新增培训记录 Record a completed training (pre-job or on-job, O2)',
        params: idParams,
        body: trainingBody,
        response: { 201: trainingOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      await authorizeOnPerson(request, request.params.id, 'person.manage');
      const training = await transaction(deps.database, (tx) => addTraining(tx, auditContext(request, deps), request.params.id, request.body, today()));
      return reply.status(201).send(presentTraining(training));
    },
  );
}
