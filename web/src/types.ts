/**
 * Shapes of the API's responses as the UI uses them (the server's presenters are the source of
 * truth: src/**\/presenter.ts and the zod response schemas in each routes.ts). Dates arrive as
 * ISO strings; calendar dates as YYYY-MM-DD.
 */

export type Role =
  | 'officer'
  | 'division_head'
  | 'legal_reviewer'
  | 'agency_leader'
  | 'publicity_editor'
  | 'agency_admin'
  | 'supervisor'
  | 'system_admin';

export const ROLES: Role[] = ['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'publicity_editor', 'agency_admin', 'supervisor', 'system_admin'];

/** Capability keys of GET /api/auth/me → `can`. */
export type Capability =
  | 'readCases'
  | 'manageRegions'
  | 'createAgencies'
  | 'confirmAgencies'
  | 'managePeople'
  | 'manageUsers'
  | 'readAudit'
  | 'manageCalendar'
  | 'importExport'
  | 'workCases'
  | 'manageDevices'
  | 'manageArchive'
  | 'manageAvList'
  | 'requestAccess'
  | 'giveAccessOpinion'
  | 'decideAccess';

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: Role[];
    agencyId: string | null;
    agencyName: string | null;
    scopeRegionCode: string | null;
  };
  csrfToken: string | null;
  can: Partial<Record<Capability, boolean>>;
  /** Roles the user may grant to some account; the server checks each grant against the account's agency. */
  grantableRoles: Role[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type RegionLevel = 'province' | 'prefecture' | 'county' | 'township';
export const REGION_LEVELS: RegionLevel[] = ['province', 'prefecture', 'county', 'township'];

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  path: string;
}

export type EnforcementCategory = 'licensing' | 'penalty' | 'coercion' | 'inspection' | 'levy';
export const CATEGORIES: EnforcementCategory[] = ['licensing', 'penalty', 'coercion', 'inspection', 'levy'];

export type AgencyKind = 'enforcement' | 'justice_bureau';
export type RatioFlag = 'ok' | 'below_minimum' | 'no_reviewer';

export interface ReviewerRatio {
  reviewers: number;
  activeOfficers: number;
  ratio: number | null;
  flag: RatioFlag;
}

export interface Agency {
  id: string;
  kind: AgencyKind;
  name: string;
  shortName: string | null;
  creditCode: string;
  regionCode: string;
  regionName: string;
  level: RegionLevel;
  headName: string | null;
  address: string | null;
  phone: string | null;
  supervisionPhone: string | null;
  categories: EnforcementCategory[];
  area: string | null;
  docAbbreviation: string | null;
  confirmation: { confirmedAt: string; confirmedBy: string | null; note: string | null } | null;
  reviewerRatio: ReviewerRatio;
  isDemo: boolean;
}

export interface Division {
  id: string;
  agencyId: string;
  name: string;
  duties: string | null;
  area: string | null;
  isLegalAffairs: boolean;
  sortOrder: number;
}

export type CertificateStatus = 'active' | 'suspended' | 'revoked';
export type EffectiveStatus = CertificateStatus | 'expired';

export interface Certificate {
  number: string;
  issuedOn: string;
  expiresOn: string;
  status: CertificateStatus;
  effectiveStatus: EffectiveStatus;
  /** May act as an enforcement officer today (active, issued, not expired), as the server's guard decides. */
  validToday: boolean;
}

/** src/organisation/people/presenter.ts (personOut). */
export interface Person {
  id: string;
  agencyId: string;
  agencyName: string;
  divisionId: string | null;
  divisionName: string | null;
  name: string;
  sex: 'male' | 'female' | null;
  idNumberMasked: string;
  positionTitle: string | null;
  phone: string | null;
  isLegalReviewer: boolean;
  certificate: Certificate | null;
  categories: EnforcementCategory[];
  area: string | null;
  qualification: 'exam' | 'legal_professional_qualification' | null;
  qualificationNote: string | null;
  hasPhoto: boolean;
  isDemo: boolean;
  /** What the current user may do to this person (the UI never re-derives it). */
  allowedActions: ('update' | 'setPhoto' | 'addTraining')[];
}

export interface Training {
  id: string;
  kind: 'pre_job' | 'on_job';
  title: string;
  provider: string | null;
  hours: number;
  completedOn: string;
}

export type CounselKind = 'legal_adviser' | 'public_sector_lawyer' | 'outside_lawyer';

export interface Counsel {
  id: string;
  name: string;
  kind: CounselKind;
  organisation: string | null;
  phone: string | null;
  specialties: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agencyId: string | null;
  agencyName: string | null;
  scopeRegionCode: string | null;
  disabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  /** Whether the current user may edit this account (they could grant every role it holds). */
  editable: boolean;
}

/** One of the user's own API tokens, as GET /api/auth/tokens lists it (never the secret). */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A page of app that an audit subject opens on (GET /api/audit, src/accounts/audit-log.ts). */
export type AuditLinkType = 'user' | 'agency' | 'person' | 'case' | 'device' | 'region';

export interface AuditEvent {
  id: number;
  at: string;
  actor: { userId: string | null; label: string };
  agency: { id: string; name: string } | null;
  action: string;
  subject: { type: string; id: string | null; name: string | null; link: { type: AuditLinkType; id: string } | null };
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface Dashboard {
  today: string;
  warnings: { code: string; level: 'error' | 'warning' | 'info'; message: string; messageEn: string }[];
  reviewerRatios: (ReviewerRatio & { agencyId: string; agencyName: string })[];
  counts: { agencies: number; unconfirmedAgencies: number; activeOfficers: number; certificatesExpiringIn30Days: number; openCases: number; overdueCases: number; archiveOverdue: number };
}

export interface CalendarYear {
  year: number;
  source: 'chinese-days' | 'manual';
  notice: string | null;
  noticeTitle: string | null;
  loadedAt: string;
  holidays: number;
  workdays: number;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}
