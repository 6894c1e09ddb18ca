import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../i18n/errors.js';
import { AppError, fieldIssueOf, type FieldIssue } from '../errors.js';
import { redactError } from '../log-redaction.js';
import { ThrottledError } from '../throttle.js';

/** Unique and exclusion constraints whose violation is a named domain error (by constraint name). */
const constraintErrors: Record<string, ErrorCode> = {
  agencies_credit_code_key: 'DUPLICATE_CREDIT_CODE',
  people_certificate_number_key: 'DUPLICATE_CERTIFICATE_NUMBER',
  people_agency_id_id_number_key: 'DUPLICATE_ID_NUMBER',
  users_username_key: 'DUPLICATE_USERNAME',
  regions_pkey: 'DUPLICATE_REGION_CODE',
  power_items_code_unique: 'DUPLICATE_POWER_ITEM_CODE',
  devices_serial_unique: 'DUPLICATE_DEVICE_SERIAL',
  device_loans_one_open: 'DEVICE_ON_LOAN',
  regions_path_key: 'DUPLICATE_REGION_CODE',
  divisions_one_legal_affairs: 'LEGAL_DIVISION_EXISTS',
  positions_agency_id_title_key: 'DUPLICATE_POSITION_TITLE',
  leading_groups_agency_id_name_key: 'DUPLICATE_GROUP_NAME',
};

function zodFieldIssues(error: FastifyError, request: FastifyRequest): FieldIssue[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const source = context === 'querystring' ? request.query : context === 'params' ? request.params : request.body;
  return (error.validation ?? []).map((v) => {
    const issue = v.params as { params?: { code?: string } } | undefined;
    const mapped = fieldIssueOf({ code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '', params: issue?.params }, source);
    return mapped.field ? mapped : { ...mapped, field: context };
  });
}

/** Maps every error to a stable code and a 4xx where the client is at fault; 500 only for our faults. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { code?: string; constraint?: string };
  if (hasZodFastifySchemaValidationErrors(e)) return new AppError('VALIDATION_FAILED', zodFieldIssues(e, request));
  // drizzle wraps driver errors (DrizzleQueryError); the PostgreSQL error is its cause.
  const db = (e.cause && typeof e.cause === 'object' && 'code' in e.cause ? e.cause : e) as { code?: string; constraint?: string };
  switch (db.code) {
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return new AppError((db.constraint && constraintErrors[db.constraint]) || 'CONFLICT');
    case '23503': // foreign_key_violation: a referenced row does not exist
    case '23514': // check_violation
    case '22001': // string too long
    case '22007':
    case '22008': // datetime out of range
    case '22P02': // invalid text representation
    case '22021': // character_not_in_repertoire: a NUL byte in text (refused earlier: storable-input.ts)
    case '22P05': // untranslatable_character: \u0000 in jsonb
      return new AppError('VALIDATION_FAILED');
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
    if (e.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
    return new AppError('MALFORMED_REQUEST');
  }
  return new AppError('INTERNAL');
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error, request);
  // Never the query parameters: they include password and token hashes.
  if (appError.status >= 500) request.log.error({ err: redactError(error) }, 'unhandled error');
  if (appError instanceof ThrottledError) reply.header('retry-after', String(appError.retryAfterSeconds));
  return reply.status(appError.status).send(appError.toBody());
}
