import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { PROCEDURES } from '../workflows/procedures/index.js';
import { checkProcedure } from '../workflows/check.js';
import { DEFAULT_PAYMENT, DEFAULT_REMEDIES } from './fields.js';
import { chineseDate, chineseDateTime, rmbUppercase } from './format.js';
import { DOC_TYPE_IDS, DOC_TYPES, docTypeOf, parseDocumentFields } from './library.js';
import { SAMPLE_FIELDS } from './samples.js';

const failure = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('document library (R2, R6)', () => {
  it('has the uniform documents, with numbering and signatures as the law asks', () => {
    expect(DOC_TYPE_IDS.size).toBeGreaterThanOrEqual(19);
    // 行政处罚法 Art. 52: the on-the-spot decision is "编有号码" and the party signs for it.
    expect(DOC_TYPES.on_the_spot_penalty_decision).toMatchObject({ numbered: true, needsSignature: true });
    const signed = Object.values(DOC_TYPES).filter((d) => d.needsSignature).map((d) => d.id).sort();
    // 行政处罚法第六十二条 "当事人明确放弃": the party's waivers are its own signed statements.
    expect(signed).toEqual(['hearing_record', 'hearing_waiver', 'inspection_record', 'on_site_notice', 'on_the_spot_penalty_decision', 'questioning_record', 'service_receipt', 'statement_waiver']);
    for (const d of Object.values(DOC_TYPES)) {
      expect(d.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(d.numbered).toBe(d.code !== null);
    }
    const codes = Object.values(DOC_TYPES).flatMap((d) => (d.code ? [d.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    expect(DOC_TYPES.penalty_decision.code).toBe('罚');
  });

  it('covers every document the transitions tables name', () => {
    expect(PROCEDURES.length).toBeGreaterThan(0);
    for (const p of PROCEDURES) expect(checkProcedure(p, DOC_TYPE_IDS).filter((m) => m.includes('not in the library'))).toEqual([]);
  });

  it('accepts the sample of every type and fills in the legal texts', () => {
    for (const id of DOC_TYPE_IDS) parseDocumentFields(id, SAMPLE_FIELDS[id as keyof typeof SAMPLE_FIELDS]);
    const decision = parseDocumentFields('penalty_decision', SAMPLE_FIELDS.penalty_decision);
    expect(decision.remedies).toBe(DEFAULT_REMEDIES);
    expect(decision.payment).toBe(DEFAULT_PAYMENT);
    expect(DEFAULT_REMEDIES).toContain('六十日内');
    expect(DEFAULT_REMEDIES).toContain('六个月内');
    expect(DEFAULT_PAYMENT).toContain('十五日内');
  });

  it('names each bad field, with required for a missing one', () => {
    const error = failure(() => parseDocumentFields('penalty_decision', { ...SAMPLE_FIELDS.penalty_decision, facts: undefined, fineAmount: -5, extra: 1 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(error.fields.map((f) => [f.field, f.code]));
    expect(byField['fields.facts']).toBe('required');
    expect(byField['fields.fineAmount']).toBe('too_small');
    expect(byField['fields']).toBe('unrecognized_keys');
  });

  it('prints an interviewee’s ID number only in masked form', () => {
    const record = (idNumberMasked: string) => ({ ...SAMPLE_FIELDS.questioning_record, interviewee: { ...SAMPLE_FIELDS.questioning_record.interviewee, idNumberMasked } });
    for (const masked of ['532301********1234', '532301********123X', '*********', '5323****1234'])
      expect((parseDocumentFields('questioning_record', record(masked)) as { interviewee: { idNumberMasked: string } }).interviewee.idNumberMasked).toBe(masked);
    // A full GB 11643 number (the standard's own example), with spaces, or with one star only: refused, field named.
    for (const full of ['11010519491231002X', '110105 19491231 002X', '11010519491231*02X', '532301-1949-1231-002X']) {
      const error = failure(() => parseDocumentFields('questioning_record', record(full)));
      expect(error.fields).toContainEqual(expect.objectContaining({ field: 'fields.interviewee.idNumberMasked', code: 'id_number_not_masked' }));
    }
  });

  it('requires a fine amount for an on-the-spot fine and a witness for service by leaving', () => {
    const spot = failure(() => parseDocumentFields('on_the_spot_penalty_decision', { ...SAMPLE_FIELDS.on_the_spot_penalty_decision, fineAmount: undefined }));
    expect(spot.fields).toEqual([expect.objectContaining({ field: 'fields.fineAmount', code: 'custom', message: '罚款须填写罚款数额' })]);
    parseDocumentFields('on_the_spot_penalty_decision', { ...SAMPLE_FIELDS.on_the_spot_penalty_decision, penalty: 'warning', fineAmount: undefined });
    const left = failure(() => parseDocumentFields('service_receipt', { ...SAMPLE_FIELDS.service_receipt, method: 'left_at_residence' }));
    expect(left.fields[0]).toMatchObject({ field: 'fields.witnesses', messageEn: 'service by leaving needs a witness' });
  });

  it('needs at least two questioners (R4) and at most 30 days of seizure (行政强制法 Art. 25)', () => {
    expect(failure(() => parseDocumentFields('questioning_record', { ...SAMPLE_FIELDS.questioning_record, questioners: ['张三'] })).fields[0]!.field).toBe('fields.questioners');
    expect(failure(() => parseDocumentFields('seizure_decision', { ...SAMPLE_FIELDS.seizure_decision, periodDays: 31 })).fields[0]!.field).toBe('fields.periodDays');
  });

  it('rejects an unknown document type as bad input', () => {
    const error = failure(() => docTypeOf('penalty_decison'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields[0]!.field).toBe('docType');
  });
});

describe('document formatting', () => {
  it('writes amounts in 人民币大写 (known answers)', () => {
    expect(rmbUppercase(30000)).toBe('叁万元整');
    expect(rmbUppercase(200)).toBe('贰佰元整');
    expect(rmbUppercase(10)).toBe('壹拾元整');
    expect(rmbUppercase(10050.5)).toBe('壹万零伍拾元伍角');
    expect(rmbUppercase(1.05)).toBe('壹元零伍分');
    expect(rmbUppercase(0.05)).toBe('伍分');
    expect(rmbUppercase(100001)).toBe('壹拾万零壹元整');
    expect(rmbUppercase(120000000)).toBe('壹亿贰仟万元整');
    expect(rmbUppercase(100000001)).toBe('壹亿零壹元整');
    expect(rmbUppercase(3005.67)).toBe('叁仟零伍元陆角柒分');
    expect(rmbUppercase(0)).toBe('零元整');
  });

  it('dates documents in China time', () => {
    expect(chineseDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026年11月22日');
    expect(chineseDateTime('2026-11-25T09:05')).toBe('2026年11月25日9时05分');
    expect(chineseDateTime('2026-11-25T01:05:00Z')).toBe('2026年11月25日9时05分');
  });
});
