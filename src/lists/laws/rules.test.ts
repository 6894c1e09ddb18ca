import { describe, expect, it } from 'vitest';
import { inForceFromOf, lawKindOf } from './import-laws.js';
import { parseLaw } from './parse.js';
import { parseCitationQuery } from './search.js';
import { versionStates } from './versions.js';

describe('lawKindOf: the kind from the title (立法法 Arts. 10, 72, 80: NPC laws, State Council regulations, provincial local regulations)', () => {
  it.each([
    ['中华人民共和国行政处罚法', 'law'],
    ['中华人民共和国政府信息公开条例', 'administrative_regulation'],
    ['优化营商环境条例', 'administrative_regulation'],
    ['中华人民共和国档案法实施条例', 'administrative_regulation'],
    ['山东省行政执法监督条例', 'local_regulation'],
    ['内蒙古自治区行政执法条例', 'local_regulation'],
    ['市场监督管理行政处罚程序规定', 'other'],
  ])('%s → %s', (title, kind) => expect(lawKindOf(title)).toBe(kind));
});

describe('inForceFromOf: the commencement the text states', () => {
  const law = (last: string) => parseLaw(`# 某法\n\n第一条 目的。\n\n第二条 ${last}\n`);
  it('reads 自YYYY年M月D日起施行 in the last articles', () => {
    expect(inForceFromOf(law('本法自2021年7月15日起施行。'), '2021-01-22')).toBe('2021-07-15');
  });
  it('is null when the stated date is before the version date (an amended text keeps its original commencement)', () => {
    expect(inForceFromOf(law('本法自1993年9月1日起施行。'), '2018-12-29')).toBeNull();
  });
  it('is null when the text states none', () => {
    expect(inForceFromOf(law('本法由国务院负责解释。'), '2018-12-29')).toBeNull();
  });
});

describe('parseCitationQuery', () => {
  it.each([
    ['行政处罚法第五十一条', { title: '行政处罚法', article: 51, paragraph: null, item: null }],
    ['处罚法 51', { title: '处罚法', article: 51, paragraph: null, item: null }],
    ['处罚法51条', { title: '处罚法', article: 51, paragraph: null, item: null }],
    ['第六十四条第一款', { title: '', article: 64, paragraph: 1, item: null }],
    ['《中华人民共和国行政处罚法》第六十四条第一款第（五）项', { title: '中华人民共和国行政处罚法', article: 64, paragraph: 1, item: 5 }],
    ['《中华人民共和国行政处罚法》(2021-01-22) 第一百条', { title: '中华人民共和国行政处罚法', article: 100, paragraph: null, item: null }],
    ['安全生产法第一百一十九条', { title: '安全生产法', article: 119, paragraph: null, item: null }],
  ])('%s', (q, expected) => expect(parseCitationQuery(q)).toEqual(expected));

  it.each(['听证', '51', '2021', '行政处罚法', '第条'])('%s is not a citation', (q) => expect(parseCitationQuery(q)).toBeNull());
});

describe('versionStates: in force, amended, not yet in force on a date', () => {
  const v2021 = { versionDate: '2021-01-22', inForceFrom: '2021-07-15' };
  const v2026 = { versionDate: '2026-06-01', inForceFrom: '2026-09-01' };
  it('the newest version that has taken effect is in force, the one before it amended until the day before', () => {
    expect(versionStates([v2021, v2026], '2026-09-01')).toEqual([
      { status: 'amended', inForceUntil: '2026-08-31' },
      { status: 'in_force', inForceUntil: null },
    ]);
  });
  it('before the new version’s commencement the old one is still in force', () => {
    expect(versionStates([v2021, v2026], '2026-08-31').map((s) => s.status)).toEqual(['in_force', 'not_yet_in_force']);
  });
  it('a version adopted but not yet commenced, with none before it, is not yet in force (行政执法监督条例: adopted 2025-12-17, 自2026年2月1日起施行)', () => {
    expect(versionStates([{ versionDate: '2025-12-17', inForceFrom: '2026-02-01' }], '2026-01-31')).toEqual([{ status: 'not_yet_in_force', inForceUntil: null }]);
    expect(versionStates([{ versionDate: '2025-12-17', inForceFrom: '2026-02-01' }], '2026-02-01')[0]!.status).toBe('in_force');
  });
  it('an amendment whose commencement the text does not state is taken to be in effect from its version date; the until date stays unknown', () => {
    expect(versionStates([v2021, { versionDate: '2026-06-01', inForceFrom: null }], '2026-06-01')).toEqual([
      { status: 'amended', inForceUntil: null },
      { status: 'in_force', inForceUntil: null },
    ]);
  });
  it('keeps the order it is given (not sorted)', () => {
    expect(versionStates([v2026, v2021], '2026-12-31').map((s) => s.status)).toEqual(['in_force', 'amended']);
  });
});
