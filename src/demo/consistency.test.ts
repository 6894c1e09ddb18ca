import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/harness.js';
import { layoutDocument } from '../recording/documents/layout.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './seed.js';
import { lawsOf, STORIES } from './stories.js';
import { limitationLastDay } from '../recording/cases/penalty-periods.js';
import { chinaDate } from '../platform/clock.js';

/*
 * Every demo case agrees with itself (issue 8): what its documents say about the party, the
 * officers, the law, the fine and the hearing right is what the case holds; its title names no
 * state; its companies have enterprise credit codes; and each demo login is its own person.
 */

let t: TestContext;

interface CaseRow {
  id: string;
  procedure: string;
  agency_id: string;
  agency: string;
  title: string;
  register_number: string;
  facts: { steps?: Record<string, { data: Record<string, unknown>; firstAt: string }> };
  item_basis: string;
}
interface Party { case_id: string; kind: string; name: string; credit_code: string | null; legal_representative: string | null; address: string | null }
interface Doc { id: string; case_id: string; doc_type: string; step: string; number: string | null; fields: Record<string, unknown>; issued_at: Date | string; signature_sha256: string | null }

let cases: CaseRow[];
let parties: Map<string, Party[]>;
let officers: Map<string, string[]>;
let docs: Doc[];

const q = async <T>(sql: string): Promise<T[]> => ((await t.database.db.execute(sql)) as unknown as { rows: T[] }).rows;
const groupBy = <T>(rows: T[], key: (r: T) => string) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
};

/** A document's whole text as printed (from what was recorded, as the download route renders it). */
function textOf(doc: Doc, kase: CaseRow): string {
  const model = layoutDocument({
    docType: doc.doc_type,
    number: doc.number,
    agency: { name: kase.agency },
    caseInfo: { registerNumber: kase.register_number, title: kase.title },
    parties: (parties.get(kase.id) ?? []).map((p) => ({ kind: p.kind as 'legal_person', name: p.name, creditCode: p.credit_code, legalRepresentative: p.legal_representative, address: p.address })),
    officers: (officers.get(kase.id) ?? []).map((name) => ({ name, certificateNumber: null })),
    fields: doc.fields,
    issuedAt: new Date(doc.issued_at),
  });
  return JSON.stringify(model);
}

/** Every string value in a document's fields (nested), with its field name. */
function strings(value: unknown, key = ''): { key: string; value: string }[] {
  if (typeof value === 'string') return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

const CREDIT_CODE = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/g;
const FINE = /罚款(?:人民币)?([\d,]+(?:\.\d+)?)元/g;
const COMPANIES = [...new Set(Object.values(STORIES).flatMap((s) => s.companies.map((c) => c.name)))];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.deps);
  cases = await q<CaseRow>(
    `select c.id, c.agency_id, c.procedure, a.name agency, c.title, c.register_number, c.facts, p.legal_basis item_basis
     from cases c join agencies a on a.id = c.agency_id join power_items p on p.id = c.power_item_id order by c.register_number`,
  );
  parties = groupBy(await q<Party>(`select case_id, kind, name, credit_code, legal_representative, address from case_parties`), (p) => p.case_id);
  const officerRows = await q<{ case_id: string; name: string }>(`select o.case_id, p.name from case_officers o join people p on p.id = o.person_id`);
  officers = new Map([...groupBy(officerRows, (r) => r.case_id)].map(([k, v]) => [k, v.map((r) => r.name)]));
  docs = await q<Doc>(`select id, case_id, doc_type, step, number, fields, issued_at, signature_sha256 from documents order by issued_at`);
}, 120_000);
afterAll(() => t.close());

describe('every demo case', () => {
  it('exists with documents (the checks below have something to check)', () => {
    expect(cases.length).toBeGreaterThan(30);
    expect(docs.length).toBeGreaterThan(50);
  });

  it('has documents that name its own party, by name and credit code, and no other company', () => {
    for (const doc of docs) {
      const kase = cases.find((c) => c.id === doc.case_id)!;
      const own = parties.get(kase.id) ?? [];
      const text = textOf(doc, kase);
      for (const p of own) {
        expect(text, `${kase.title} ${doc.doc_type}`).toContain(p.name);
        if (p.credit_code) expect(text, `${kase.title} ${doc.doc_type}`).toContain(p.credit_code);
      }
      for (const other of COMPANIES.filter((c) => !own.some((p) => p.name === c))) expect(text, `${kase.title} ${doc.doc_type} names ${other}`).not.toContain(other);
      const codes = new Set(text.match(CREDIT_CODE) ?? []);
      expect([...codes], `${kase.title} ${doc.doc_type}`).toEqual(own.filter((p) => p.credit_code && codes.has(p.credit_code)).map((p) => p.credit_code));
      // The person interviewed, present or served is the party's legal representative.
      const reps = own.map((p) => p.legal_representative);
      const f = doc.fields as { interviewee?: { name: string }; recipient?: string; declarant?: string; presentPersons?: { name: string }[]; partyAttendees?: string[] };
      for (const name of [f.interviewee?.name, f.recipient, f.declarant, ...(f.presentPersons ?? []).map((x) => x.name), ...(f.partyAttendees ?? [])].filter(Boolean))
        expect(reps, `${kase.title} ${doc.doc_type}`).toContain(name);
    }
  });

  it('has documents whose interviewers, recorders and investigators are its own officers', () => {
    let checked = 0;
    for (const doc of docs) {
      const kase = cases.find((c) => c.id === doc.case_id)!;
      const f = doc.fields as { questioners?: string[]; recorder?: string; investigators?: string[]; host?: string };
      const named = [...(f.questioners ?? []), ...(f.investigators ?? []), ...(f.recorder ? [f.recorder] : [])];
      for (const name of named) expect(officers.get(kase.id), `${kase.title} ${doc.doc_type}: ${name}`).toContain(name);
      // 行政处罚法第六十四条: the hearing is hosted by someone who did not investigate.
      if (f.host) expect(officers.get(kase.id)).not.toContain(f.host);
      checked += named.length;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('cites its power item’s law wherever a document gives a legal basis', () => {
    for (const doc of docs) {
      const kase = cases.find((c) => c.id === doc.case_id)!;
      const laws = lawsOf(kase.item_basis);
      expect(laws.length, kase.item_basis).toBeGreaterThan(0);
      for (const { key, value } of strings(doc.fields).filter((s) => s.key === 'legalBasis' || s.key === 'basis')) {
        expect(laws.some((law) => value.includes(law)), `${kase.title} ${doc.doc_type}.${key}: ${value} (item: ${kase.item_basis})`).toBe(true);
        for (const cited of lawsOf(value)) expect(laws, `${kase.title} ${doc.doc_type} cites ${cited}`).toContain(cited);
      }
    }
  });

  it('states its fine once per document and the same amount everywhere', () => {
    for (const kase of cases) {
      const amounts = new Set<number>();
      for (const doc of docs.filter((d) => d.case_id === kase.id)) {
        const stated = [...textOf(doc, kase).matchAll(FINE)].map((m) => Number(m[1]!.replaceAll(',', '')));
        expect(stated.length, `${kase.title} ${doc.doc_type} states the fine ${stated.length} times`).toBeLessThanOrEqual(1);
        stated.forEach((a) => amounts.add(a));
        if (typeof doc.fields.fineAmount === 'number') amounts.add(doc.fields.fineAmount);
      }
      for (const data of Object.values(kase.facts.steps ?? {}).map((s) => s.data)) {
        if (typeof data.fineAmount === 'number') amounts.add(data.fineAmount);
        if (typeof data.paidAmount === 'number') amounts.add(data.paidAmount);
      }
      expect([...amounts].length, `${kase.title}: ${[...amounts].join(', ')}`).toBeLessThanOrEqual(1);
    }
  });

  it('grants a hearing right in its prior notice exactly when the case decided one applies, and runs no clock the law does not give', async () => {
    const notices = docs.filter((d) => d.doc_type === 'penalty_prior_notice');
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      const kase = cases.find((c) => c.id === notice.case_id)!;
      const eligible = kase.facts.steps?.conclude_investigation?.data.hearingEligible;
      expect(typeof eligible).toBe('boolean');
      expect(notice.fields.hearingRight ?? false, kase.title).toBe(eligible);
    }
    const leaders = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
    for (const kase of cases) {
      const [login] = await q<{ username: string }>(`select username from users where agency_id = '${kase.agency_id}' and 'agency_leader' = any(roles) limit 1`);
      if (!leaders.has(kase.agency_id)) leaders.set(kase.agency_id, await loginAs(t.app, login!.username, DEMO_PASSWORD));
      const view = (await leaders.get(kase.agency_id)!.get(`/api/cases/${kase.id}`)).json() as { clocks: { id: string; status: string }[] };
      const hearing = view.clocks.find((k) => k.id === 'hearing_request_5_days');
      if (hearing) expect(kase.facts.steps?.conclude_investigation?.data.hearingEligible, kase.title).toBe(true);
    }
    // Case 2026-0005 of 工信局 (the one issue 8 found) is notified without a hearing right: no hearing clock.
    const notified = cases.filter((c) => c.facts.steps?.notify_prior && !c.facts.steps?.decide);
    expect(notified.length).toBeGreaterThan(0);
  });

  it('serves its prior notice on a recorded day, and decides only when the law lets it: windows lapsed or waived in a signed statement (issue 9)', async () => {
    const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const notified = cases.filter((c) => c.procedure === 'penalty_general' && c.facts.steps?.notify_prior);
    expect(notified.length).toBeGreaterThan(0);
    let waived = 0;
    for (const kase of notified) {
      const steps = kase.facts.steps!;
      // 行政处罚法第四十四条: the notice reaches the party; its 送达回证 says when and what.
      const servedOn = steps.serve_prior_notice?.data.servedOn as string;
      expect(servedOn, kase.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(servedOn >= chinaDay(steps.notify_prior!.firstAt), kase.title).toBe(true);
      const receipt = docs.find((d) => d.case_id === kase.id && d.step === 'serve_prior_notice' && d.doc_type === 'service_receipt');
      expect(receipt?.fields, kase.title).toMatchObject({ servedDocuments: [{ title: '行政处罚事先告知书' }], servedAt: expect.stringMatching(new RegExp(`^${servedOn}`)) });
      const [login] = await q<{ username: string }>(`select username from users where agency_id = '${kase.agency_id}' and 'agency_leader' = any(roles) limit 1`);
      const view = (await (await loginAs(t.app, login!.username, DEMO_PASSWORD)).get(`/api/cases/${kase.id}`)).json() as { clocks: { id: string; kind: string; startedOn: string; deadline: string; status: string; metOn: string | null }[] };
      // The windows the prior notice opens (the payment window runs from the decision's service, 第六十七条).
      const windows = view.clocks.filter((k) => k.id === 'statement_defence_5_days' || k.id === 'hearing_request_5_days');
      expect(windows.length, kase.title).toBeGreaterThan(0);
      for (const w of windows) expect(w.startedOn, `${kase.title} ${w.id}`).toBe(servedOn);
      if (!steps.decide) continue;
      // 第六十二条: decided after the window's last day, or after the party's signed waiver of it.
      const decidedOn = chinaDay(steps.decide.firstAt);
      const WAIVER = { statement_defence_5_days: ['waive_statement', 'statement_waiver'], hearing_request_5_days: ['waive_hearing', 'hearing_waiver'] } as const;
      for (const w of windows) {
        if (decidedOn > w.deadline) continue;
        const [step, docType] = WAIVER[w.id as keyof typeof WAIVER];
        expect(steps[step]?.data.signedOn as string, `${kase.title}: decided ${decidedOn} inside ${w.id} to ${w.deadline}`).toBe(w.metOn);
        const statement = docs.find((d) => d.case_id === kase.id && d.doc_type === docType);
        expect(statement?.signature_sha256, `${kase.title} ${docType} signed by the party`).toBeTruthy();
        waived++;
      }
    }
    expect(waived).toBeGreaterThan(0);
  });

  it('runs its coercion clocks as 行政强制法 would: from the day recorded, extended in time, testing left out, reported within 24 hours', async () => {
    const seizures = cases.filter((c) => c.procedure === 'coercion');
    expect(seizures.length).toBeGreaterThanOrEqual(3);
    const leaderOf = async (agencyId: string) => {
      const [login] = await q<{ username: string }>(`select username from users where agency_id = '${agencyId}' and 'agency_leader' = any(roles) limit 1`);
      return loginAs(t.app, login!.username, DEMO_PASSWORD);
    };
    const seen = new Set<string>();
    for (const kase of seizures) {
      const steps = kase.facts.steps ?? {};
      const view = (await (await leaderOf(kase.agency_id)).get(`/api/cases/${kase.id}`)).json() as { clocks: { id: string; status: string; startedOn: string; extendedBy: number; excluded: number; amount: number }[] };
      for (const k of view.clocks) {
        // No demo case has missed a deadline the law sets (Arts. 19, 25, 27).
        expect(['running', 'due_soon', 'met', 'paused'], `${kase.title} ${k.id}`).toContain(k.status);
        seen.add(k.id);
      }
      const taken = (steps.implement?.data.implementedOn ?? String(steps.act_urgently?.data.actedAt ?? '').slice(0, 10)) as string;
      const period = view.clocks.find((k) => k.id.startsWith('seizure_30_days'));
      expect(period, kase.title).toBeDefined();
      expect(period).toMatchObject({ startedOn: taken, amount: steps.implement?.data.periodDays ?? steps.act_urgently?.data.periodDays });
      if (steps.extend) expect(period!.extendedBy, kase.title).toBe(steps.extend.data.days);
      if (steps.end_testing) expect(period!.excluded, kase.title).toBeGreaterThan(0);
      if (steps.act_urgently) expect(view.clocks.find((k) => k.id === 'urgent_report_24_hours')?.status, kase.title).toBe('met');
      // The seizure decision states the period the step recorded (Art. 24(2)).
      for (const d of docs.filter((x) => x.case_id === kase.id && x.doc_type === 'seizure_decision')) expect(d.fields.periodDays).toBe(period!.amount);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['seizure_30_days', 'seizure_30_days_emergency', 'urgent_report_24_hours']));
  });

  it('records the dates a penalty’s clocks count from, and shows no penalty clock in a state the law would not give it (issue 9)', async () => {
    const ISO = /^\d{4}-\d{2}-\d{2}$/;
    const today = chinaDate(t.clock.now());
    const penalties = cases.filter((c) => c.procedure.startsWith('penalty_'));
    expect(penalties.length).toBeGreaterThan(0);
    const sessions = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
    const statuses: string[] = [];
    for (const kase of penalties) {
      const steps = kase.facts.steps ?? {};
      // 行政处罚法第三十六条: offence and discovery dates at filing, discovered within the limitation period.
      const filing = steps.propose_filing?.data;
      if (filing) {
        expect(filing.offenceDate, kase.title).toMatch(ISO);
        expect(filing.discoveredOn, kase.title).toMatch(ISO);
        expect(String(filing.discoveredOn) <= limitationLastDay(String(filing.offenceDate), filing.limitationExtended === true), kase.title).toBe(true);
      }
      // 第六十七条: the service date (on or after the decision, not in the future) and the real day paid.
      const served = steps.serve?.data.servedOn as string | undefined;
      if (steps.serve) {
        expect(served, kase.title).toMatch(ISO);
        expect(served! >= chinaDate(new Date(steps.decide!.firstAt)) && served! <= today, kase.title).toBe(true);
      }
      const paid = steps.execute?.data;
      if (paid?.how === 'paid') {
        expect(paid.paidOn, kase.title).toMatch(ISO);
        expect(String(paid.paidOn) >= (served ?? chinaDate(new Date(steps.decide_on_spot!.firstAt))), kase.title).toBe(true);
      }
      const [login] = await q<{ username: string }>(`select username from users where agency_id = '${kase.agency_id}' and 'agency_leader' = any(roles) limit 1`);
      if (!sessions.has(kase.agency_id)) sessions.set(kase.agency_id, await loginAs(t.app, login!.username, DEMO_PASSWORD));
      const view = (await sessions.get(kase.agency_id)!.get(`/api/cases/${kase.id}`)).json() as { clocks: { id: string; kind: string; status: string; deadline: string; metOn: string | null }[] };
      for (const k of view.clocks) {
        // The agency kept every deadline in the demo; a party window is never the agency's to miss.
        if (k.kind === 'agency_deadline') expect(['running', 'due_soon', 'met'], `${kase.title} ${k.id}`).toContain(k.status);
        else expect(['open', 'closed'], `${kase.title} ${k.id}`).toContain(k.status);
      }
      // The payment window exists exactly where a fine was imposed and the decision received; paid within it.
      const fine = (steps.decide ?? steps.decide_on_spot)?.data.fineAmount;
      const payment = view.clocks.find((k) => k.id === 'payment_15_days');
      expect(Boolean(payment), kase.title).toBe(typeof fine === 'number' && Boolean(served ?? steps.decide_on_spot));
      if (payment && paid?.how === 'paid') expect(payment, kase.title).toMatchObject({ status: 'closed', metOn: paid.paidOn });
      if (payment && payment.metOn) expect(payment.metOn <= payment.deadline, kase.title).toBe(true);
      if (payment) statuses.push(payment.status);
    }
    // One demo case waits for the party to pay (served, window open), another was paid within it.
    expect(statuses).toEqual(expect.arrayContaining(['open', 'closed']));
  });

  it('has a title that names no state (the case shows its own)', () => {
    for (const kase of cases) expect(kase.title).not.toMatch(/（[^）]*(待决定|已结案|归档|检查中|审查中|转立案|准予|不予许可)[^）]*）/);
  });

  it('has companies as parties with enterprise credit codes (GB 32100: 9 market regulation, 1 enterprise)', () => {
    const all = [...parties.values()].flat().filter((p) => p.kind === 'legal_person');
    expect(all.length).toBe(cases.length);
    for (const p of all) expect(p.credit_code, p.name).toMatch(/^91/);
    // One company, one code, whichever agency's case it is in.
    for (const [name, rows] of groupBy(all, (p) => p.name)) expect(new Set(rows.map((r) => r.credit_code)).size, name).toBe(1);
  });
});

describe('the demo logins', () => {
  it('of one agency are each their own person', async () => {
    const rows = await q<{ agency_id: string; username: string; person_id: string }>(`select agency_id, username, person_id from users where person_id is not null and is_demo`);
    expect(rows.length).toBeGreaterThan(10);
    for (const [, logins] of groupBy(rows, (r) => r.agency_id)) {
      const byPerson = groupBy(logins, (r) => r.person_id);
      for (const [, same] of byPerson) expect(same.map((r) => r.username)).toHaveLength(1);
    }
  });
});

describe('the licensing demo cases (行政许可法, issue 9)', () => {
  it('record when the materials were received and when each decision was served, and show no clock the law would not give', async () => {
    const rows = await q<{ id: string; agency_id: string; title: string; opened_at: Date | string; source_detail: { receivedOn?: string }; facts: CaseRow['facts'] }>(
      `select id, agency_id, title, opened_at, source_detail, facts from cases where procedure = 'licensing'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const seen = new Set<string>();
    for (const kase of rows) {
      const steps = kase.facts.steps ?? {};
      // 第三十二条: the 5 working days count from the receipt, which is on or before the day it was entered.
      const openedOn = new Date(new Date(kase.opened_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      expect(kase.source_detail.receivedOn, kase.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(kase.source_detail.receivedOn! <= openedOn, kase.title).toBe(true);
      if (steps.serve) expect(steps.serve.data.servedOn, kase.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [login] = await q<{ username: string }>(`select username from users where agency_id = '${kase.agency_id}' and 'agency_leader' = any(roles) limit 1`);
      const view = (await (await loginAs(t.app, login!.username, DEMO_PASSWORD)).get(`/api/cases/${kase.id}`)).json() as { clocks: { id: string; status: string; startedOn: string }[] };
      for (const k of view.clocks) {
        seen.add(`${k.id}:${k.status}`);
        // The demo agencies keep every licensing limit: nothing overdue, nothing met late.
        expect(['overdue', 'met_late'], `${kase.title} ${k.id}`).not.toContain(k.status);
      }
      const acceptance = view.clocks.find((k) => k.id === 'acceptance_5_days');
      expect(acceptance?.startedOn, kase.title).toBe(kase.source_detail.receivedOn);
      // 第四十七条: a hearing window only where the applicant was told of the right.
      expect(view.clocks.some((k) => k.id === 'licence_hearing_request_5_days'), kase.title).toBe(Boolean(steps.notify_hearing_right));
    }
    // The demo shows the new clocks at work: a certificate served in time, a decision paused for a hearing.
    expect([...seen]).toEqual(expect.arrayContaining(['certificate_10_days:met', 'decision_20_days:paused', 'licence_hearing_request_5_days:closed']));
  });
});
