import { z } from 'zod';
import { isStorableText } from './storable-input.js';

/** Shared request/response schema pieces; the same schemas validate requests and produce OpenAPI. */

const issue = (code: string) => ({ params: { code } });

export const uuid = () => z.uuid();
export const idParams = z.object({ id: z.uuid() });

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDate = () =>
  z.string().refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, issue('invalid_date'));

export const regionCode = () =>
  z.string().refine((s) => /^\d{6}(\d{3})?$/.test(s), issue('region_code')).describe('GB/T 2260 code');

export const phone = () =>
  z.string().trim().refine((s) => /^[0-9+()\- ]{5,20}$/.test(s), issue('phone'));

/**
 * A string PostgreSQL can store and RFC 8785 can hash: no NUL, no lone surrogate (400 naming the
 * field, code forbidden_character). HTTP input is already checked for every route
 * (storable-input.ts); use this where text arrives by another way: spreadsheet rows, tus
 * Upload-Metadata. Refine further as usual: `safeString().pipe(z.string().max(100))`.
 */
export const safeString = () => z.string().refine(isStorableText, issue('forbidden_character'));

/**
 * An identity-document number as printed on a record about a person who is not a registered
 * party (the interviewee of a 询问笔录): only its masked form, at most six characters before and
 * four after a run of at least four asterisks (maskIdNumber's "532301********1234"), so a full
 * number typed into the field is refused instead of printed (personal data, P-redaction).
 */
export const maskedIdNumber = () =>
  z
    .string()
    .trim()
    .max(30)
    .refine((s) => /^[0-9A-Za-z]{0,6}\*{4,}[0-9A-Za-z]{0,4}$/.test(s), issue('id_number_not_masked'));

export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).nullish();

export const ENFORCEMENT_CATEGORIES = ['licensing', 'penalty', 'coercion', 'inspection', 'levy'] as const;
export const enforcementCategory = z.enum(ENFORCEMENT_CATEGORIES);
export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const;
export const regionLevel = z.enum(REGION_LEVELS);

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** The error body every 4xx/5xx has (documented once for OpenAPI). */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    fields: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string(), messageEn: z.string() }))
      .optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/**
 * A response whose body is a file's bytes (PDF, .docx, an image, evidence): described in the
 * OpenAPI document by its content types, never serialised as JSON (Fastify sends Buffers and
 * streams as they are).
 */
export const binaryResponse = (description: string, contentTypes: readonly string[]) => ({
  description,
  content: Object.fromEntries(contentTypes.map((type) => [type, { schema: binaryBody }])),
});

/**
 * `{type: string, format: binary}` in the document; typed as what handlers send. The cast is
 * safe because Fastify never runs a serialiser on a Buffer or a stream, nor on a string sent
 * with a content type other than JSON.
 */
const binaryBody = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<Buffer | NodeJS.ReadableStream | string>;

/** A response with no body (tus answers carry everything in headers); the description says what they are. */
export const noBody = (description: string) => z.undefined().describe(description);
