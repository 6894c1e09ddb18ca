/**
 * Shapes of the API's responses as the UI uses them, named once. They are aliases of the types
 * generated from the server's OpenAPI document (web/src/api/openapi.d.ts, `npm run gen:api`),
 * never copies: the presenters (src/**\/presenter.ts and the Zod response schemas of each
 * routes.ts) are the source of truth. Dates arrive as ISO strings; calendar dates as YYYY-MM-DD.
 */
import { allOf, type ResponseOf } from './api/schema.ts';

/** GET /api/auth/me. */
export type Me = ResponseOf<'/api/auth/me', 'get'>;
export type Role = Me['user']['roles'][number];
/** Every role, in the order the user form lists them. */
export const ROLES = allOf<Role>()(['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'publicity_editor', 'agency_admin', 'supervisor', 'system_admin']);

/** Capability keys of GET /api/auth/me → `can` (the server sends a record; these are the keys the UI asks about). */
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
  | 'decideAccess'
  | 'readLaws';

export interface Page<T> {
  items: T[];
  total: number;
}

/** One region (GET /api/regions). */
export type Region = ResponseOf<'/api/regions', 'get'>['items'][number];
export type RegionLevel = Region['level'];
export const REGION_LEVELS = allOf<RegionLevel>()(['province', 'prefecture', 'county', 'township']);

/** One agency (GET /api/agencies/{id}). */
export type Agency = ResponseOf<'/api/agencies/{id}', 'get'>;
export type EnforcementCategory = Agency['categories'][number];
export const CATEGORIES = allOf<EnforcementCategory>()(['licensing', 'penalty', 'coercion', 'inspection', 'levy']);
export type AgencyKind = Agency['kind'];
/** Null for a justice bureau (it has no officers of its own). */
export type ReviewerRatio = NonNullable<Agency['reviewerRatio']>;
export type RatioFlag = ReviewerRatio['flag'];

export type Division = ResponseOf<'/api/agencies/{id}/divisions', 'get'>['items'][number];

/** src/organisation/people/presenter.ts (personOut). */
export type Person = ResponseOf<'/api/people/{id}', 'get'>;
export type Certificate = NonNullable<Person['certificate']>;
export type CertificateStatus = Certificate['status'];
export type EffectiveStatus = Certificate['effectiveStatus'];

export type Training = ResponseOf<'/api/people/{id}/trainings', 'get'>['items'][number];

export type Counsel = ResponseOf<'/api/agencies/{id}/counsel', 'get'>['items'][number];
export type CounselKind = Counsel['kind'];

export type User = ResponseOf<'/api/users', 'get'>['items'][number];

/** One of the user's own API tokens, as GET /api/auth/tokens lists it (never the secret). */
export type ApiToken = ResponseOf<'/api/auth/tokens', 'get'>['items'][number];

export type AuditEvent = ResponseOf<'/api/audit', 'get'>['items'][number];
/** A page of app that an audit subject opens on (src/accounts/audit-log.ts). */
export type AuditLinkType = NonNullable<AuditEvent['subject']['link']>['type'];

export type Dashboard = ResponseOf<'/api/dashboard', 'get'>;

export type CalendarYear = ResponseOf<'/api/calendar/years', 'get'>['items'][number];
export type CalendarDay = ResponseOf<'/api/calendar/years/{year}/days', 'get'>['items'][number];

/** src/lists/laws/presenter.ts. */
export type Law = ResponseOf<'/api/laws', 'get'>['items'][number];
export type LawVersion = Law['versions'][number];
export type LawSearch = ResponseOf<'/api/laws/search', 'get'>;
export type LawArticleHit = LawSearch['articles'][number];
export type LawVersionToc = ResponseOf<'/api/law-versions/{id}', 'get'>;
export type LawArticle = ResponseOf<'/api/law-versions/{id}/articles/{number}', 'get'>;
export type LawParagraph = LawArticle['article']['paragraphs'][number];
