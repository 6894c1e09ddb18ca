import { errorMessages, fieldIssueMessages, type ErrorCode, type FieldIssueCode } from '../i18n/errors.js';

/** HTTP status of each named error: the one code→status map. */
const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  CSRF_TOKEN_INVALID: 403,
  CROSS_SITE_REQUEST: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  DUPLICATE_CREDIT_CODE: 409,
  DUPLICATE_CERTIFICATE_NUMBER: 409,
  DUPLICATE_USERNAME: 409,
  DUPLICATE_REGION_CODE: 409,
  DUPLICATE_ID_NUMBER: 409,
  REGION_PARENT_MISMATCH: 422,
  LEGAL_DIVISION_EXISTS: 409,
  AGENCY_NOT_CONFIRMED: 409,
  ALREADY_CONFIRMED: 409,
  POSITION_HOLDING_OVERLAP: 409,
  DUPLICATE_POSITION_TITLE: 409,
  DUPLICATE_GROUP_NAME: 409,
  CALENDAR_YEAR_NOT_LOADED: 422,
  CERTIFICATE_DATES_INVALID: 422,
  IMPORT_REJECTED: 422,
  INVALID_SPREADSHEET: 422,
  INVALID_IMAGE: 415,
  WEAK_PASSWORD: 422,
  STEP_NOT_ALLOWED: 409,
  STEP_REQUIREMENTS_MISSING: 422,
  CASE_NOT_OPEN: 409,
  OFFICERS_INSUFFICIENT: 422,
  SUMMARY_PENALTY_LIMIT: 422,
  TIME_WINDOW_OPEN: 409,
  EXTENSION_TOO_LATE: 409,
  HEARING_NOTICE_TOO_SHORT: 422,
  SIGNATURE_OR_REFUSAL_REQUIRED: 422,
  AGENCY_ABBREVIATION_MISSING: 409,
  DUPLICATE_POWER_ITEM_CODE: 409,
  POWER_ITEM_CATEGORY_MISMATCH: 422,
  DUPLICATE_DEVICE_SERIAL: 409,
  DEVICE_ON_LOAN: 409,
  DEVICE_NOT_ON_LOAN: 409,
  DEVICE_RETIRED: 409,
  UPLOAD_INCOMPLETE: 409,
  EVIDENCE_RESTRICTED: 403,
  RANGE_NOT_SATISFIABLE: 416,
  CASE_FILE_NOT_COMPILED: 409,
  CASE_FILE_EXISTS: 409,
  ACCESS_REQUEST_STATE: 409,
  ACCESS_NOT_GRANTED: 403,
  INTERNAL: 500,
  // Issue 7, privileges: separation of duties in access requests (R9).
  SELF_APPROVAL_FORBIDDEN: 403,
  ACCESS_GRANT_NOT_HELD: 403,
  // — issue 7: logins, sessions, tokens —
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  TOKEN_NEEDS_SESSION: 403,
  // — issue 7: uploads, spreadsheets (branch upload) —
  FILE_TYPE_MISMATCH: 415,
  UPLOAD_QUOTA_EXCEEDED: 413,
  SPREADSHEET_TOO_LARGE: 413,
  // — issue 7: bad input never answers 500 —
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  EVENT_DATE_INVALID: 422,
  PARTY_SIGNATURE_REQUIRED: 422,
  // — issue 9: penalty filing and execution (处罚法 Arts. 36, 66–73; 强制法 Arts. 53–54) —
  LIMITATION_EXPIRED: 422,
  PAYMENT_WINDOW_CLOSED: 409,
  PAYMENT_SCHEDULE_INVALID: 422,
  LATE_PENALTY_EXCEEDS_LAW: 422,
  ON_SPOT_COLLECTION_NOT_ALLOWED: 422,
  COURT_APPLICATION_TOO_LATE: 409,
  // — issue 9: licensing clocks (行政许可法) —
  APPLICATION_DEEMED_ACCEPTED: 409,
  EXTENSION_TOO_LONG: 422,
  LICENCE_HEARING_NOTICE_TOO_SHORT: 422,
};

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "creditCode" or "members.0.positionId". */
  field: string;
  code: FieldIssueCode | string;
  message: string;
  messageEn: string;
}

/** A named domain error: a stable code, its HTTP status and its zh-CN/en message. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(errorMessages[code].en);
    this.name = 'AppError';
    this.status = statusOf[code];
  }

  /** The JSON body every error response has. */
  toBody() {
    return {
      error: {
        code: this.code,
        message: errorMessages[this.code].zh,
        messageEn: errorMessages[this.code].en,
        ...(this.fields.length ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** Builds one field issue with the shared messages. */
export function fieldIssue(field: string, code: FieldIssueCode): FieldIssue {
  const m = fieldIssueMessages[code];
  return { field, code, message: m.zh, messageEn: m.en };
}

/** A validation error naming a single field. */
export function invalidField(field: string, code: FieldIssueCode): AppError {
  return new AppError('VALIDATION_FAILED', [fieldIssue(field, code)]);
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

/** What a zod issue carries that the mapping reads (zod's own issue type, without importing zod here). */
export interface ValidationIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  params?: { code?: string };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * A schema's complaint about one value as a field issue — the one mapping every validator uses (the
 * HTTP schemas, step data, document fields, evidence metadata, spreadsheet rows):
 * - the field is the issue's path under `prefix` ("fields.partyName"), or `prefix` for the root;
 * - a value that is absent where one was expected is `required`;
 * - a refinement that names a code of the catalogue (`params.code`, platform/http/schemas.ts) keeps it;
 *   one whose message is bilingual ("中文 / English") keeps its message under `custom`;
 * - any other code the catalogue knows is kept; an unknown one is `custom` with its own code shown.
 */
export function fieldIssueOf(issue: ValidationIssue, input: unknown, prefix = ''): FieldIssue {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix;
  const named = issue.code === 'custom' ? issue.params?.code : undefined;
  if (named && Object.hasOwn(fieldIssueMessages, named)) return fieldIssue(field, named as FieldIssueCode);
  if (['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code) && valueAt(input, issue.path) === undefined) return fieldIssue(field, 'required');
  if (issue.code === 'custom' && issue.message.includes(' / ')) {
    const [zh, en] = issue.message.split(' / ');
    return { ...fieldIssue(field, 'custom'), message: zh!, messageEn: en! };
  }
  if (Object.hasOwn(fieldIssueMessages, issue.code)) return fieldIssue(field, issue.code as FieldIssueCode);
  return { ...fieldIssue(field, 'custom'), code: issue.code };
}
