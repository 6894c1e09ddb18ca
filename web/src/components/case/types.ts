/**
 * Shapes of the recording API as the case pages use them: aliases of the types generated from the
 * OpenAPI document (web/src/api/openapi.d.ts, `npm run gen:api`), whose source is the Zod
 * response schemas of src/recording/cases/presenter.ts (summary, detail, next steps, procedures,
 * power items), src/recording/documents/presenter.ts (document types) and
 * src/recording/evidence/presenter.ts (evidence items).
 */
import type { RequestOf, ResponseOf } from '../../api/schema.ts';

export type CaseSummary = ResponseOf<'/api/cases', 'get'>['items'][number];
export type CaseStatus = CaseSummary['status'];
export type ClockView = CaseSummary['clocks'][number];
export type ClockStatus = ClockView['status'];

export type CaseDetail = ResponseOf<'/api/cases/{id}', 'get'>;
export type NextStep = CaseDetail['nextSteps'][number];
export type NextStepDocument = NextStep['documents'][number];
export type CaseParty = CaseDetail['parties'][number];
export type PartyKind = CaseParty['kind'];
export type CaseDocument = CaseDetail['documents'][number];
export type CaseEvent = CaseDetail['timeline'][number];

/**
 * A JSON Schema as z.toJSONSchema writes it (the subset the forms read). The document declares
 * step forms and document fields as free-form objects holding a JSON Schema, so this is the one
 * shape the web app states itself.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  default?: unknown;
}

/**
 * A procedure's id (licensing, penalty_general…). The server's request schemas enumerate them; its
 * response schemas declare them as plain strings, so the procedure list is typed with this here.
 */
export type ProcedureId = RequestOf<'/api/cases', 'post'>['procedure'];

type ProcedureOut = ResponseOf<'/api/procedures', 'get'>['items'][number];
export type ProcedureStep = Omit<ProcedureOut['steps'][number], 'data'> & { data: JsonSchema };
export type Procedure = Omit<ProcedureOut, 'id' | 'steps'> & { id: ProcedureId; steps: ProcedureStep[] };

export type PowerItem = ResponseOf<'/api/power-items', 'get'>['items'][number];

export type DocumentType = Omit<ResponseOf<'/api/document-types', 'get'>['items'][number], 'fields'> & { fields: JsonSchema };

export type EvidenceItem = ResponseOf<'/api/cases/{id}/evidence', 'get'>['items'][number];
export type EvidenceKind = EvidenceItem['kind'];
export type Confidentiality = EvidenceItem['confidentiality'];
