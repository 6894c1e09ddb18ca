/** Chinese labels for what the recording API sends as codes (field keys, enum values, error codes). */
import { errorMessages } from '../../../../src/i18n/errors.ts';
import { ui } from '../../../../src/i18n/ui.ts';

const c = ui.cases;

const lookup = (table: object, key: string): string | undefined => (Object.hasOwn(table, key) ? (table as Record<string, string>)[key] : undefined);

/** A step-data or document field, by its key in the server's schema (unknown keys as they are). */
export const fieldLabel = (key: string): string => lookup(c.field, key) ?? key;

/** An enum value of a step's data or a document's fields. */
export const enumLabel = (value: string | number): string => lookup(c.enumValue, String(value)) ?? String(value);

/** The message of a named error code (the server's own text, src/i18n/errors.ts). */
export const errorLabel = (code: string): string => lookup(errorMessages, code) ? (errorMessages as Record<string, { zh: string }>)[code]!.zh : code;

/** Why a next step cannot be taken now: the error's message and, for STEP_NOT_ALLOWED, its reason. */
export function blockedLabel(blocked: { code: string; details: Record<string, unknown> | null }): string {
  const reason = typeof blocked.details?.reason === 'string' ? lookup(c.blocked, blocked.details.reason) : undefined;
  const day = (blocked.details?.lastDay ?? blocked.details?.hearingOn ?? blocked.details?.earliest) as string | undefined;
  // A last day counted without that year's holiday notice is marked as the clocks are (issue 9).
  const provisional = blocked.details?.provisional === true ? c.provisional : '';
  return [reason ?? errorLabel(blocked.code), day ? `（${day}）${provisional}` : ''].join('');
}

export const eventLabel = (type: string): string => lookup(c.event, type) ?? type;
