import { boolean, date, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** GB/T 2260 administrative divisions (I1). */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').$type<RegionLevel>().notNull(),
  parentCode: text('parent_code'),
  path: text('path').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type RegionLevel = 'province' | 'prefecture' | 'county' | 'township';
export type EnforcementCategory = 'licensing' | 'penalty' | 'coercion' | 'inspection' | 'levy';

/** 执法主体 — an enforcement agency, or a justice bureau that supervises them (O1, P2, P13). */
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'enforcement' | 'justice_bureau'>().notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  creditCode: text('credit_code').notNull(),
  regionCode: text('region_code').notNull(),
  level: text('level').$type<RegionLevel>().notNull(),
  headName: text('head_name'),
  address: text('address'),
  phone: text('phone'),
  supervisionPhone: text('supervision_phone'),
  categories: text('categories').array().$type<EnforcementCategory[]>().notNull(),
  area: text('area'),
  docAbbreviation: text('doc_abbreviation'),
  confirmedAt: ts('confirmed_at'),
  confirmedBy: uuid('confirmed_by'),
  confirmationNote: text('confirmation_note'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 内设机构 — an agency's internal division; one may be the legal-affairs division (法制审核机构). */
export const divisions = pgTable('divisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  name: text('name').notNull(),
  duties: text('duties'),
  area: text('area'),
  isLegalAffairs: boolean('is_legal_affairs').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export type CertificateStatus = 'active' | 'suspended' | 'revoked';

/** A member of staff; with a certificate (执法证) they are an enforcement officer (O2, P2, P12). */
export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  divisionId: uuid('division_id'),
  name: text('name').notNull(),
  sex: text('sex').$type<'male' | 'female'>(),
  idNumber: text('id_number').notNull(),
  photoSha256: text('photo_sha256'),
  positionTitle: text('position_title'),
  phone: text('phone'),
  isLegalReviewer: boolean('is_legal_reviewer').notNull().default(false),
  certificateNumber: text('certificate_number'),
  certificateIssuedOn: day('certificate_issued_on'),
  certificateExpiresOn: day('certificate_expires_on'),
  certificateStatus: text('certificate_status').$type<CertificateStatus>(),
  categories: text('categories').array().$type<EnforcementCategory[]>().notNull(),
  area: text('area'),
  qualification: text('qualification').$type<'exam' | 'legal_professional_qualification'>(),
  qualificationNote: text('qualification_note'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Pre-job and on-the-job training records (O2). */
export const trainings = pgTable('trainings', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').$type<'pre_job' | 'on_job'>().notNull(),
  title: text('title').notNull(),
  provider: text('provider'),
  hours: numeric('hours', { mode: 'number' }).notNull(),
  completedOn: day('completed_on').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** L15: legal counsel pool. */
export const counsel = pgTable('counsel', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<'legal_adviser' | 'public_sector_lawyer' | 'outside_lawyer'>().notNull(),
  organisation: text('organisation'),
  phone: text('phone'),
  specialties: text('specialties'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** O4: positions, their holders over time, and leading groups defined by position. */
export const positions = pgTable('positions', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  title: text('title').notNull(),
  divisionId: uuid('division_id'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const positionHolders = pgTable('position_holders', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  positionId: uuid('position_id').notNull(),
  personId: uuid('person_id').notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const leadingGroups = pgTable('leading_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  name: text('name').notNull(),
  purpose: text('purpose'),
  officeDivisionId: uuid('office_division_id'),
  establishedOn: day('established_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type GroupRole = 'leader' | 'deputy_leader' | 'member';

export const leadingGroupMembers = pgTable('leading_group_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  groupId: uuid('group_id').notNull(),
  role: text('role').$type<GroupRole>().notNull(),
  positionId: uuid('position_id').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});
