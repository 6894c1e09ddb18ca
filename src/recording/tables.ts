import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EnforcementCategory } from '../organisation/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 权力清单 — what an agency may do, and on which legal basis. */
export const powerItems = pgTable('power_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  category: text('category').$type<EnforcementCategory>().notNull(),
  legalBasis: text('legal_basis').notNull(),
  divisionId: uuid('division_id'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** The item's own periods by clock id, where the law lets other rules set them (../cases/clock-overrides.ts). */
  timeLimits: jsonb('time_limits').$type<Record<string, unknown>>().notNull().default({}),
});

export type CaseSource = 'plan' | 'complaint' | 'referral' | 'assignment' | 'random_draw' | 'application' | 'on_site';
export type CaseStatus = 'open' | 'closed' | 'archived';

/** 执法案件. `step` is the state in its procedure's transitions table (./workflows/). */
export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  registerNumber: text('register_number').notNull(),
  category: text('category').$type<EnforcementCategory>().notNull(),
  procedure: text('procedure').notNull(),
  powerItemId: uuid('power_item_id'),
  title: text('title').notNull(),
  sourceType: text('source_type').$type<CaseSource>(),
  sourceDetail: jsonb('source_detail').$type<Record<string, unknown>>().notNull().default({}),
  parentCaseId: uuid('parent_case_id'),
  step: text('step').notNull(),
  status: text('status').$type<CaseStatus>().notNull(),
  openedAt: ts('opened_at').notNull(),
  closedAt: ts('closed_at'),
  archivedAt: ts('archived_at'),
  createdBy: uuid('created_by'),
  headSeq: integer('head_seq').notNull().default(0),
  headHash: text('head_hash').notNull(),
  /** Facts established by completed steps (amounts, outcome, dates), read by guards and clocks. */
  facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
  isDemo: boolean('is_demo').notNull().default(false),
});

export type PartyKind = 'natural_person' | 'legal_person' | 'other_organisation';

export const caseParties = pgTable('case_parties', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').$type<PartyKind>().notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  legalRepresentative: text('legal_representative'),
  address: text('address'),
  phone: text('phone'),
  /** Random; salts the party's identity hash in `case.opened` (migrations/202612030005_record_integrity.sql). */
  identitySalt: text('identity_salt'),
});

export const caseOfficers = pgTable(
  'case_officers',
  {
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').$type<'leader' | 'member'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] })],
);

/** The append-only, hash-chained case record (./chain.ts). */
export const caseEvents = pgTable(
  'case_events',
  {
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

/** Agency overrides of which steps require audio/video recording (音像记录事项清单, R3). */
export const avRequiredSteps = pgTable(
  'av_required_steps',
  {
    agencyId: uuid('agency_id').notNull(),
    procedure: text('procedure').notNull(),
    step: text('step').notNull(),
    required: boolean('required').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.procedure, t.step] })],
);

export const documentCounters = pgTable(
  'document_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    docType: text('doc_type').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.docType, t.year] })],
);

export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  docType: text('doc_type').notNull(),
  year: integer('year'),
  serial: integer('serial'),
  number: text('number'),
  step: text('step').notNull(),
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
  signatureSha256: text('signature_sha256'),
  refusalReason: text('refusal_reason'),
  issuedAt: ts('issued_at').notNull(),
  issuedBy: uuid('issued_by'),
});

export type DeviceKind = 'body_camera' | 'camera' | 'video_camera' | 'audio_recorder' | 'storage_drive' | 'other';

export const devices = pgTable('devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  kind: text('kind').$type<DeviceKind>().notNull(),
  serialNumber: text('serial_number').notNull(),
  model: text('model').notNull(),
  retiredAt: ts('retired_at'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const deviceLoans = pgTable('device_loans', {
  id: uuid('id').primaryKey().defaultRandom(),
  deviceId: uuid('device_id').notNull(),
  personId: uuid('person_id').notNull(),
  lentAt: ts('lent_at').notNull(),
  lentBy: uuid('lent_by'),
  returnedAt: ts('returned_at'),
  returnedTo: uuid('returned_to'),
});

export type EvidenceKind = 'photo' | 'audio' | 'video' | 'scan' | 'other';
export type Confidentiality = 'none' | 'personal_privacy' | 'trade_secret' | 'state_secret';

export const evidence = pgTable('evidence', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  kind: text('kind').$type<EvidenceKind>().notNull(),
  title: text('title').notNull(),
  sha256: text('sha256').notNull(),
  sm3: text('sm3').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  contentType: text('content_type').notNull(),
  storageKey: text('storage_key').notNull(),
  originalName: text('original_name'),
  step: text('step').notNull(),
  capturedAt: ts('captured_at').notNull(),
  capturedBy: uuid('captured_by'),
  deviceId: uuid('device_id'),
  location: text('location'),
  confidentiality: text('confidentiality').$type<Confidentiality>().notNull(),
  uploadedAt: ts('uploaded_at').notNull(),
  uploadedBy: uuid('uploaded_by'),
  late: boolean('late').notNull(),
  lateReason: text('late_reason'),
  supplementary: boolean('supplementary').notNull().default(false),
});

export const caseFiles = pgTable('case_files', {
  caseId: uuid('case_id').primaryKey(),
  compiledAt: ts('compiled_at').notNull(),
  compiledBy: uuid('compiled_by'),
  catalogue: jsonb('catalogue').$type<CatalogueEntry[]>().notNull(),
  transferredAt: ts('transferred_at'),
  transferredBy: uuid('transferred_by'),
});

/** One line of a 卷内目录. */
export interface CatalogueEntry {
  no: number;
  title: string;
  kind: 'document' | 'evidence';
  ref: string;
  number?: string | null;
  date: string;
}

export type AccessStatus = 'pending' | 'opinion_given' | 'approved' | 'rejected';

export const accessRequests = pgTable('access_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  agencyId: uuid('agency_id').notNull(),
  requesterKind: text('requester_kind').$type<'party' | 'staff'>().notNull(),
  requesterName: text('requester_name').notNull(),
  requesterUserId: uuid('requester_user_id'),
  purpose: text('purpose').notNull(),
  mode: text('mode').$type<'read' | 'copy'>().notNull(),
  status: text('status').$type<AccessStatus>().notNull(),
  requestedAt: ts('requested_at').notNull(),
  divisionOpinion: text('division_opinion'),
  divisionOpinionBy: uuid('division_opinion_by'),
  divisionOpinionAt: ts('division_opinion_at'),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
  validFrom: ts('valid_from'),
  validUntil: ts('valid_until'),
});

/** Space reserved by an unfinished evidence upload (migrations/202612030002_uploads.sql). */
export const uploadReservations = pgTable('upload_reservations', {
  uploadId: text('upload_id').primaryKey(),
  userId: uuid('user_id').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/** The sum of a user's upload reservations, changed atomically (see upload-quota.ts). */
export const uploadQuotaUsage = pgTable('upload_quota_usage', {
  userId: uuid('user_id').primaryKey(),
  reservedBytes: bigint('reserved_bytes', { mode: 'number' }).notNull(),
});
