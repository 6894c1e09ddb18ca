import { z } from 'zod';
import type { DocTypeDef } from './library.js';

/** One type of the document library (R2, R6): its numbering and the JSON Schema of its fields. */
export const documentTypeOut = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  numbered: z.boolean(),
  code: z.string().nullable().describe('文号代字 of a numbered type'),
  needsSignature: z.boolean().describe('the party signs it, or the refusal is recorded'),
  fields: z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the document’s fields, from which the web app renders the form'),
});

export function presentDocumentType(d: DocTypeDef): z.infer<typeof documentTypeOut> {
  return {
    id: d.id,
    zh: d.zh,
    en: d.en,
    numbered: d.numbered,
    code: d.code,
    needsSignature: d.needsSignature,
    fields: z.toJSONSchema(d.fields, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  };
}
