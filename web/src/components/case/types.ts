/**
 * Shapes of the recording API as the case pages use them. The server is the source of truth:
 * the Zod response schemas of src/recording/cases/presenter.ts (summary, detail, next steps,
 * procedures, power items), src/recording/documents/presenter.ts (document types) and
 * src/recording/evidence/presenter.ts (evidence items).
 */
import type { EnforcementCategory } from '../../types.ts';

export type CaseStatus = 'open' | 'closed' | 'archived';
/** An agency deadline runs, is due soon, overdue, met or met late; a party window is open or closed. */
export type ClockStatus = 'running' | 'due_soon' | 'overdue' | 'met' | 'met_late' | 'open' | 'closed';

export interface ClockView {
  id: string;
  zh: string;
  kind: 'agency_deadline' | 'party_window';
  basis?: string;
  startedOn?: string;
  deadline: string;
  provisional: boolean;
  status: ClockStatus;
  metOn?: string | null;
}

export interface CaseSummary {
  id: string;
  registerNumber: string;
  title: string;
  agencyId: string;
  agencyName: string;
  procedure: string;
  procedureName: string;
  category: EnforcementCategory;
  step: string;
  stepName: string;
  status: CaseStatus;
  openedAt: string;
  closedAt: string | null;
  archivedAt: string | null;
  clocks: ClockView[];
}

export interface NextStepDocument {
  docType: string;
  zh: string;
  needsSignature: boolean;
  conditional: boolean;
}

export interface NextStep {
  id: string;
  zh: string;
  phase: string;
  to: string;
  documents: NextStepDocument[];
  /** A/V recording required at this step (R3). */
  av: boolean;
  permitted: boolean;
  /** Who does it: the case officers or the agency leader. */
  doneBy: 'officers' | 'leader';
  /** Your role does it here; `permitted` may still be false (an approval of your own proposal). */
  forYou: boolean;
  blocked: { code: string; details: Record<string, unknown> | null } | null;
}

export type PartyKind = 'legal_person' | 'other_organisation' | 'natural_person';

export interface CaseParty {
  id: string;
  kind: PartyKind;
  name: string;
  idNumberMasked: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  address: string | null;
}

export interface CaseDocument {
  id: string;
  docType: string;
  zh: string;
  number: string | null;
  step: string;
  issuedAt: string;
  signed: boolean;
  refusalReason: string | null;
}

export interface CaseEvent {
  seq: number;
  at: string;
  actorLabel: string | null;
  type: string;
  payload: Record<string, unknown>;
  hash: string;
}

export interface CaseDetail extends CaseSummary {
  powerItem: { id: string; code: string; name: string; legalBasis: string } | null;
  source: string;
  sourceDetail: { provider?: string; content: string; receivedOn?: string } | null;
  parentCaseId: string | null;
  parties: CaseParty[];
  officers: { personId: string; role: 'leader' | 'member'; name: string; certificateNumber: string | null }[];
  states: { id: string; zh: string }[];
  nextSteps: NextStep[];
  documents: CaseDocument[];
  timeline: CaseEvent[];
  chain: { headSeq: number; headHash: string };
}

/** A JSON Schema as z.toJSONSchema writes it (the subset the forms read). */
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

export interface ProcedureStep {
  id: string;
  zh: string;
  phase: string;
  from: string[];
  to: string;
  documents: string[];
  av: boolean;
  permission: string;
  data: JsonSchema;
}

export interface Procedure {
  id: string;
  category: EnforcementCategory;
  zh: string;
  initial: string;
  states: Record<string, { zh: string }>;
  steps: ProcedureStep[];
}

export interface PowerItem {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  category: EnforcementCategory;
  legalBasis: string;
}

export interface DocumentType {
  id: string;
  zh: string;
  needsSignature: boolean;
  fields: JsonSchema;
}

export type EvidenceKind = 'photo' | 'audio' | 'video' | 'scan' | 'other';
export type Confidentiality = 'none' | 'personal_privacy' | 'trade_secret' | 'state_secret';

export interface EvidenceItem {
  id: string;
  caseId: string;
  kind: EvidenceKind;
  step: string;
  confidentiality: Confidentiality;
  capturedAt: string;
  uploadedAt: string;
  late: boolean;
  restricted: boolean;
  title: string | null;
  sha256: string | null;
  size: number | null;
  contentType: string | null;
  originalName: string | null;
  location: string | null;
}
