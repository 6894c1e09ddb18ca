import type { PartyKind } from '../tables.js';
import { AppError } from '../../platform/errors.js';
import { chineseDate } from './format.js';
import { DOC_TYPES, docTypeOf, parseDocumentFields, type DocTypeId } from './library.js';
import { bodyOf } from './sections.js';

/** Everything a printed document shows. The route loads it from the case and the documents row. */
export interface RenderInput {
  docType: string;
  /** null for unnumbered types (./library.ts). */
  number: string | null;
  agency: { name: string };
  caseInfo: { registerNumber: string; title: string };
  parties: {
    kind: PartyKind;
    name: string;
    idNumberMasked?: string | null;
    creditCode?: string | null;
    legalRepresentative?: string | null;
    address?: string | null;
  }[];
  officers: { name: string; certificateNumber: string | null }[];
  /** The officer's fields, validated against the type's schema (VALIDATION_FAILED otherwise). */
  fields: Record<string, unknown>;
  issuedAt: Date;
  signature?: { image: Buffer } | { refusalReason: string } | null;
}

/** A piece of a document body, drawn the same way in DOCX and PDF. */
export type Block =
  | { kind: 'heading'; text: string }
  /** A first-line-indented paragraph. */
  | { kind: 'paragraph'; text: string }
  /** A flush-left line, e.g. the salutation "某某公司：". */
  | { kind: 'line'; text: string }
  /** "label：value", the label in bold. */
  | { kind: 'field'; label: string; value: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'qa'; question: string; answer: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface SignatureImage {
  data: Buffer;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

/** The whole document as drawn: a title block, the body, the signatures and the seal line. */
export interface DocumentModel {
  agencyName: string;
  title: string;
  number: string | null;
  blocks: Block[];
  /** 执法人员：张三（执法证号：…）、李四（…） */
  officersLine: string | null;
  /** The party's signature place; null for documents the party does not sign. */
  partySignature: {
    /** Who signs: 当事人, 被询问人, 受送达人… */
    signer: string;
    image: SignatureImage | null;
    /** 「当事人拒绝签名，理由：…」 when the signer refused. */
    refusal: string | null;
  } | null;
  /** 机关名称 + date, right-aligned at the end (where the seal goes). */
  seal: { agencyName: string; date: string };
}

const SIGNER: Partial<Record<DocTypeId, string>> = {
  questioning_record: '被询问人',
  service_receipt: '受送达人',
  hearing_record: '当事人或其代理人',
  statement_waiver: '声明人',
  hearing_waiver: '声明人',
};

/** Width and height of a PNG or JPEG, from its header; anything else is INVALID_IMAGE. */
export function signatureImage(data: Buffer): SignatureImage {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('latin1', 12, 16) === 'IHDR')
    return { data, type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker (SOF0–SOF15 except DHT/JPG/DAC).
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1]!;
      const length = data.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { data, type: 'jpg', width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
      at += 2 + length;
    }
  }
  throw new AppError('INVALID_IMAGE');
}

/** How the party is named and identified at the head of a document. */
function partyBlocks(parties: RenderInput['parties']): Block[] {
  return parties.flatMap((p): Block[] => {
    const rows: Block[] = [{ kind: 'field', label: '当事人', value: p.name }];
    if (p.kind === 'natural_person') {
      if (p.idNumberMasked) rows.push({ kind: 'field', label: '身份证件号码', value: p.idNumberMasked });
      if (p.address) rows.push({ kind: 'field', label: '住址', value: p.address });
    } else {
      if (p.creditCode) rows.push({ kind: 'field', label: '统一社会信用代码', value: p.creditCode });
      if (p.legalRepresentative) rows.push({ kind: 'field', label: p.kind === 'legal_person' ? '法定代表人' : '负责人', value: p.legalRepresentative });
      if (p.address) rows.push({ kind: 'field', label: '住所（经营场所）', value: p.address });
    }
    return rows;
  });
}

/**
 * Validates the input and lays the document out. Throws VALIDATION_FAILED for fields that fail the
 * type's schema, INVALID_IMAGE for a signature that is not a PNG or JPEG.
 */
export function layoutDocument(input: RenderInput): DocumentModel {
  const type = docTypeOf(input.docType);
  const fields = parseDocumentFields(type.id, input.fields);
  const id = type.id as DocTypeId;
  const ctx = { input, partyName: input.parties.map((p) => p.name).join('、') || '当事人' };
  const blocks: Block[] = [
    { kind: 'field', label: '案件编号', value: input.caseInfo.registerNumber },
    { kind: 'field', label: '案由', value: input.caseInfo.title },
    ...partyBlocks(input.parties),
    ...bodyOf(id, fields, ctx),
  ];
  const officers = input.officers.map((o) => (o.certificateNumber ? `${o.name}（执法证号：${o.certificateNumber}）` : o.name));
  const signature = input.signature ?? null;
  return {
    agencyName: input.agency.name,
    title: DOC_TYPES[id].zh,
    number: input.number,
    blocks,
    officersLine: officers.length ? officers.join('、') : null,
    partySignature: type.needsSignature
      ? {
          signer: SIGNER[id] ?? '当事人',
          image: signature && 'image' in signature ? signatureImage(signature.image) : null,
          refusal: signature && 'refusalReason' in signature ? `${SIGNER[id] ?? '当事人'}拒绝签名，理由：${signature.refusalReason}` : null,
        }
      : null,
    seal: { agencyName: input.agency.name, date: chineseDate(input.issuedAt) },
  };
}
