import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { actorForUser } from '../accounts/authenticate.js';
import type { Actor } from '../accounts/roles.js';
import { users } from '../accounts/tables.js';
import type { AuditContext } from '../audit/record.js';
import { onCalendar } from '../calendar/fallback.js';
import { agencies, people, type EnforcementCategory } from '../organisation/tables.js';
import { chinaDate, chinaDateTime, type Clock } from '../platform/clock.js';
import { compileCaseFile, transferCaseFile } from '../recording/archive/archive.js';
import { completeStep } from '../recording/cases/complete-step.js';
import { openCase, type OpenCaseInput } from '../recording/cases/open-case.js';
import { lendDevice } from '../recording/devices/lend-device.js';
import { registerDevice } from '../recording/devices/register-device.js';
import { docTypeOf } from '../recording/documents/library.js';
import { addEvidenceFromFile, type EvidenceDeps } from '../recording/evidence/add-evidence.js';
import { powerItems } from '../recording/tables.js';
import { procedureOf } from '../recording/workflows/procedures/index.js';
import { generateCreditCode } from '../organisation/check-digits.js';
import { mulberry32 } from '../platform/random.js';
import { demoDocumentFields, LEVY_AMOUNT, type DemoCase } from './case-documents.js';
import { encodePng } from './portrait.js';
import { DEMO_ITEMS, STORIES, type StoryId } from './stories.js';

/*
 * Demo cases: every demo agency gets cases in every state its categories allow (an inspection on
 * site, one referred for a penalty, penalties awaiting decision, closed and archived, on-the-spot
 * fines, licences granted, refused and under review, a seizure in force, a levy), run through the
 * same use cases as the API, with documents, photos and audio recordings, dated over the last
 * weeks so that clocks, late uploads and archive deadlines show.
 */

const DAY = 86_400_000;
/** The day `n` calendar days after `day` ('YYYY-MM-DD'). */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** A small PNG "site photo": a sky, a building and ground, varied by `seed`. */
export function demoSitePhoto(seed: number): Buffer {
  const w = 160;
  const h = 120;
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const building = x > 40 + (seed % 20) && x < 120 && y > 35 && y < 95;
      const window = building && (x % 12 < 5) && (y % 14 < 6);
      const [r, g, b] = y > 95 ? [110, 100 + (seed % 40), 70] : window ? [60, 90, 140] : building ? [200, 190, 170] : [150, 190, 230 - y];
      rgb[i] = r;
      rgb[i + 1] = g;
      rgb[i + 2] = b;
    }
  return encodePng(w, h, rgb);
}

/** A short mono 8 kHz PCM WAV "recording": a few tones, `seconds` long. */
export function demoAudio(seconds: number, seed: number): Buffer {
  const rate = 8000;
  const n = rate * seconds;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) data.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * (300 + (seed % 5) * 60 + ((i / rate) | 0) * 40) * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A party's signature: a dark scribble on white, as drawn on a tablet. */
function demoSignature(seed: number): string {
  const w = 120;
  const h = 40;
  const rgb = new Uint8Array(w * h * 3).fill(255);
  for (let x = 8; x < w - 8; x++) {
    const y = Math.round(20 + 10 * Math.sin((x + seed) / 7) * Math.cos(x / 13));
    for (let d = 0; d < 2; d++) rgb.fill(30, ((y + d) * w + x) * 3, ((y + d) * w + x) * 3 + 3);
  }
  return `data:image/png;base64,${encodePng(w, h, rgb).toString('base64')}`;
}

interface AgencyCast {
  agencyId: string;
  name: string;
  categories: EnforcementCategory[];
  officer: Actor;
  leader: Actor;
  admin: Actor;
  group: { personId: string; role: 'leader' | 'member' }[];
  officerNames: [string, string];
  /** A certified officer on no demo case, to host hearings. */
  hearingHost: string;
  phone: string;
  /** Power item ids by code (./stories.ts). */
  items: Record<string, string>;
  deviceId: string;
}

/** Step data for the demo, by step id: from the case's story, party and officers. */
function stepData(step: string, cast: AgencyCast, at: Date, sc: Scenario, c: DemoCase): Record<string, unknown> {
  const on = chinaDate(at);
  const { story } = c;
  const fine = story.fineAmount ? { fineAmount: story.fineAmount } : {};
  switch (step) {
    case 'form_group':
    case 'accept':
      return { officers: cast.group };
    case 'propose_filing':
      // 行政处罚法第三十六条: the offence went on until it was reported the day before filing (a continuing
      // offence counts from its end), so it is discovered the day it ended, well within two years.
      return { officers: cast.group, summary: story.facts, offenceDate: dayBefore(on), offenceContinuing: true, discoveredOn: dayBefore(on), limitationExtended: false };
    case 'propose_measure':
      return { officers: cast.group, measure: 'seize', items: '电热水壶 HD-1750 320台', reason: '防止证据灭失、危害扩大' };
    case 'assess':
      return { officers: cast.group, basis: story.legalBasis, amount: LEVY_AMOUNT };
    case 'make_plan': {
      const ins = story.inspection!;
      return { purpose: ins.purpose, scope: ins.scope, focus: ins.focus, scheduledOn: on, divisionOfWork: `${c.officers[0]}检查，${c.officers[1]}记录`, schedule: '上午现场检查，下午询问' };
    }
    case 'notify':
      return { method: 'in_writing' };
    case 'on_site_notice':
      return { certificatesShown: true, rightsExplained: true };
    case 'collect_materials':
      return { materials: [{ name: '设备台账', pages: 6, copyCertified: true }, { name: '能源消费统计表', pages: 3, copyCertified: true }] };
    case 'questioning':
      return { interviewee: c.party.representative };
    case 'propose_outcome':
      return sc.variant === 'plain'
        ? { result: 'corrected_on_spot', opinion: `${story.inspection!.findings}已当场责令改正。`, publish: true }
        : { result: 'problem_found', opinion: `${story.inspection!.findings}建议立案查处。`, publish: true };
    case 'conclude_investigation':
      return { proposedPenalty: story.penalty, ...fine, hearingEligible: story.hearingEligible === true };
    case 'decide':
      return sc.procedure === 'penalty_general' ? { penalty: story.penalty, ...fine } : {};
    case 'decide_on_spot':
      return { officers: cast.group, penalty: 'fine', ...fine, facts: story.facts };
    case 'serve':
    case 'serve_prior_notice':
      return { method: 'in_person', servedOn: on };
    case 'waive_statement':
      return { signedOn: on };
    case 'execute':
      // 行政处罚法第六十七条: paid at the bank (the day paid recorded) within the 15 days from service.
      return story.fineAmount ? { how: 'paid', paidAmount: story.fineAmount, paidOn: on } : { how: 'performed', note: c.ending.execution };
    case 'notify_missing':
      return { missing: ['电磁环境测试报告'] };
    case 'receive_supplement':
      return { received: ['电磁环境测试报告'], receivedOn: on };
    // 行政许可法第四十五条: testing (the grant) or the hearing asked for (第四十七条) is left out of the count.
    case 'begin_excluded_period':
      return sc.path === 'licensing_hearing'
        ? { kind: 'hearing', startedOn: on, timeNeeded: '二十个工作日' }
        : { kind: 'testing', startedOn: on, timeNeeded: '一个工作日（电磁环境检测）' };
    case 'end_excluded_period':
      return { endedOn: on, outcome: '电磁环境检测合格' };
    case 'notify_hearing_right':
      return { notifiedOn: on };
    case 'request_hearing':
      return { requestedOn: on, requester: c.party.representative };
    // 行政许可法第四十八条: notified at least 7 working days ahead — 21 calendar days are more than 7
    // working days even across the longest holiday, and fewer than the 20 working days of 第四十七条.
    case 'schedule_hearing':
      return { hearingOn: addDays(on, 21), place: '本机关听证室', notifiedOn: on };
    case 'refer_penalty':
      return { powerItemId: cast.items['CF-001'], title: `${c.party.name}${STORIES.obsolete_equipment.title}` };
    case 'site_check':
    case 'site_record':
    case 'approve_outcome':
    case 'approve_filing':
    case 'approve_measure':
    case 'notify_prior':
    case 'file_with_agency':
    case 'grant':
    case 'refuse':
    case 'close':
      return {};
    case 'conclude_review':
      return sc.variant === 'refuse'
        ? { recommendation: 'refuse', opinion: '申请频率与已批准台站同频干扰', legalReviewOpinion: '不予许可理由充分，程序合法' }
        : { recommendation: 'grant', opinion: '申请材料齐全，符合法定条件', legalReviewOpinion: '程序合法，同意准予许可' };
    case 'issue_certificate':
      return { certificateNumber: `滇无线电台〔${on.slice(0, 4)}〕${on.slice(5, 7)}${on.slice(8, 10)}`, validUntil: '2031-12-31' };
    // 行政强制法 Arts. 19, 24–28: the dates and times the law counts from are the real ones.
    case 'implement':
      return { implementedOn: on, periodDays: SEIZURE_DAYS, partyPresent: true };
    case 'act_urgently':
      return { officers: cast.group, measure: 'seize', items: '电热水壶 HD-1750 320台', reason: '防止证据灭失、危害扩大', urgency: '当事人正将涉案产品装车外运，情况紧急', actedAt: chinaDateTime(at), periodDays: SEIZURE_DAYS, partyPresent: true };
    case 'report_urgent':
      return { reportedAt: chinaDateTime(at), reportedTo: '机关负责人', summary: '已当场扣押涉案电热水壶320台，现报告并申请补办批准手续。' };
    case 'ratify':
      return {};
    case 'start_testing':
      return { kind: 'testing', institution: '云南省产品质量监督检验研究院', from: on, until: addDays(on, TESTING_DAYS) };
    case 'end_testing':
      return { on, result: '检验报告已出具：泄漏电流项目不符合GB 4706.1-2005的要求。' };
    case 'extend':
      return { days: SEIZURE_DAYS, reason: '涉案产品需追查来源和销售去向，案情复杂' };
    case 'serve_extension':
      return { method: 'in_person', servedOn: on };
    case 'release':
      return { ground: 'no_violation', note: '经复检，涉案产品符合GB 4706.1-2005的要求，当事人没有违法行为。' };
    case 'return_property':
      return { returnedOn: on, itemsReturned: '电热水壶 HD-1750 320台' };
    case 'dispose':
      return { outcome: 'confiscated', note: '经检验不合格，依法没收' };
    case 'collect':
      return { amount: LEVY_AMOUNT, receiptNo: `FS${on.replaceAll('-', '')}` };
    default:
      throw new Error(`demo: no data for step ${step}`);
  }
}

const dayBefore = (on: string) => new Date(Date.parse(`${on}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

/** The path of each demo scenario through its procedure. */
const PATHS = {
  inspection: ['form_group', 'make_plan', 'notify', 'on_site_notice', 'collect_materials', 'site_record', 'questioning', 'propose_outcome', 'approve_outcome', 'close'],
  inspection_refer: ['form_group', 'make_plan', 'notify', 'on_site_notice', 'site_record', 'questioning', 'propose_outcome', 'approve_outcome', 'refer_penalty', 'close'],
  penalty_general: ['propose_filing', 'approve_filing', 'site_record', 'questioning', 'conclude_investigation', 'notify_prior', 'serve_prior_notice', 'decide', 'serve', 'execute', 'close'],
  // The party signs a 放弃陈述申辩声明 the day after service: the decision need not wait for the window (行政处罚法第六十二条).
  penalty_general_waived: ['propose_filing', 'approve_filing', 'site_record', 'questioning', 'conclude_investigation', 'notify_prior', 'serve_prior_notice', 'waive_statement', 'decide', 'serve', 'execute', 'close'],
  penalty_summary: ['decide_on_spot', 'file_with_agency', 'execute', 'close'],
  licensing_grant: ['accept', 'site_check', 'begin_excluded_period', 'end_excluded_period', 'conclude_review', 'grant', 'issue_certificate', 'serve', 'close'],
  licensing_hearing: ['accept', 'notify_hearing_right', 'request_hearing', 'begin_excluded_period', 'schedule_hearing'],
  licensing_refuse: ['notify_missing', 'receive_supplement', 'accept', 'conclude_review', 'refuse', 'serve', 'close'],
  coercion: ['propose_measure', 'approve_measure', 'implement', 'start_testing', 'end_testing', 'dispose', 'close'],
  coercion_release: ['propose_measure', 'approve_measure', 'implement', 'extend', 'serve_extension', 'release', 'return_property', 'close'],
  coercion_emergency: ['act_urgently', 'report_urgent', 'ratify'],
  levy: ['assess', 'decide', 'serve', 'collect', 'close'],
} as const;

interface Scenario {
  procedure: 'inspection' | 'penalty_general' | 'penalty_summary' | 'licensing' | 'coercion' | 'levy';
  path: keyof typeof PATHS;
  /** How many steps of the path are done (all = closed). */
  steps: number;
  variant: 'grant' | 'refuse' | 'plain' | 'problem';
  /** What the case is about (./stories.ts); its title is the party's name and the story's title. */
  story: StoryId;
  /** How it ends, for the service receipt and the closing report. */
  ending: DemoCase['ending'];
  startDaysAgo: number;
  archive?: boolean;
  /** One upload comes in after the 3 working days (R7). */
  lateUpload?: boolean;
}

const NOTHING_TO_EXECUTE = '无需执行。';
/** The period the demo seizure decisions state, and its extension: the 30 days 行政强制法第二十五条 allows. */
const SEIZURE_DAYS = 30;
/** The testing period the demo's testing notice states (行政强制法第二十五条第三款 "应当明确"). */
const TESTING_DAYS = 3;

const SCENARIOS: Scenario[] = [
  { procedure: 'inspection', path: 'inspection', steps: 6, variant: 'problem', story: 'energy_inspection', ending: { served: '—', outcome: '发现问题，建议立案查处。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 3 },
  { procedure: 'inspection', path: 'inspection', steps: 10, variant: 'plain', story: 'energy_check', ending: { served: '—', outcome: '发现问题已当场责令改正。', execution: '当事人已补登能源消费统计台账。' }, startDaysAgo: 40, lateUpload: true },
  { procedure: 'inspection', path: 'inspection_refer', steps: 10, variant: 'problem', story: 'energy_inspection', ending: { served: '—', outcome: '发现使用国家明令淘汰的用能设备，已移送立案调查。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 28 },
  { procedure: 'penalty_general', path: 'penalty_general', steps: 7, variant: 'plain', story: 'obsolete_equipment', ending: { served: '行政处罚决定书', outcome: `已作出行政处罚决定并送达：${STORIES.obsolete_equipment.penalty}。`, execution: '当事人已停止使用，淘汰设备已没收。' }, startDaysAgo: 20 },
  { procedure: 'penalty_general', path: 'penalty_general_waived', steps: 12, variant: 'plain', story: 'obsolete_equipment', ending: { served: '行政处罚决定书', outcome: `已作出行政处罚决定并送达：${STORIES.obsolete_equipment.penalty}。`, execution: '当事人已停止使用，淘汰设备已没收。' }, startDaysAgo: 75, archive: true },
  // 行政处罚法第六十八条: 200 yuan is not "一百元以下", so the party paid at the bank (第六十七条), not on the spot.
  { procedure: 'penalty_summary', path: 'penalty_summary', steps: 4, variant: 'plain', story: 'radio_power', ending: { served: '—', outcome: '已当场作出行政处罚决定，并报所属机关备案。', execution: '当事人已于期限内通过电子支付系统缴纳罚款，并已将发射功率调整至核定值。' }, startDaysAgo: 9 },
  // Served a few days ago: the party's 15 days to pay (第六十七条) are open.
  { procedure: 'penalty_general', path: 'penalty_general', steps: 9, variant: 'plain', story: 'radio_power', ending: { served: '行政处罚决定书', outcome: '已作出行政处罚决定并送达。', execution: '当事人应自收到决定书之日起十五日内缴纳罚款。' }, startDaysAgo: 22 },
  { procedure: 'licensing', path: 'licensing_grant', steps: 9, variant: 'grant', story: 'radio_licence', ending: { served: '准予行政许可决定书', outcome: '准予许可，已颁发无线电台执照。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 30 },
  { procedure: 'licensing', path: 'licensing_refuse', steps: 6, variant: 'refuse', story: 'radio_licence', ending: { served: '不予行政许可决定书', outcome: '不予许可，已告知申请人申请行政复议或者提起行政诉讼的权利。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 25 },
  { procedure: 'licensing', path: 'licensing_grant', steps: 2, variant: 'grant', story: 'radio_licence', ending: { served: '准予行政许可决定书', outcome: '准予许可。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 12 },
  // A seizure in force, its testing period left out of the count (行政强制法第二十五条第三款).
  { procedure: 'coercion', path: 'coercion', steps: 5, variant: 'plain', story: 'unsafe_kettles', ending: { served: '—', outcome: '经检验不合格，依法没收。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 10 },
  // Extended in time and told (Art. 25), then released and the goods returned (Art. 28).
  { procedure: 'coercion', path: 'coercion_release', steps: 8, variant: 'plain', story: 'unsafe_kettles', ending: { served: '延长查封（扣押）期限决定书', outcome: '经复检合格，解除扣押。', execution: '扣押的电热水壶320台已全部退还当事人。' }, startDaysAgo: 30 },
  // Taken on the spot in an emergency, reported within 24 hours and ratified (Art. 19).
  { procedure: 'coercion', path: 'coercion_emergency', steps: 3, variant: 'plain', story: 'unsafe_kettles', ending: { served: '—', outcome: '扣押措施实施中。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 3 },
  { procedure: 'licensing', path: 'licensing_hearing', steps: 5, variant: 'grant', story: 'radio_licence', ending: { served: '准予行政许可决定书', outcome: '准予许可。', execution: NOTHING_TO_EXECUTE }, startDaysAgo: 8 },
  { procedure: 'levy', path: 'levy', steps: 5, variant: 'plain', story: 'frequency_fee', ending: { served: '征收决定书', outcome: '已作出征收决定并送达。', execution: '当事人已缴纳无线电频率占用费。' }, startDaysAgo: 35 },
];

/** What seeding the demo cases uses: the evidence store and calendar, and the clock. */
export type DemoDeps = EvidenceDeps & { clock: Clock };

/** Loads the demo cases for every confirmed demo agency; returns how many cases were opened. */
export async function seedDemoCases(deps: DemoDeps): Promise<number> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-demo-'));
  const rng = mulberry32(20261129);
  let opened = 0;
  try {
    const demoAgencies = await db.select().from(agencies).where(and(eq(agencies.kind, 'enforcement'), isNotNull(agencies.confirmedAt)));
    // One credit code per company, whichever agency's case it is a party to. GB 32100-2015: 9 =
    // registered by market regulation, 1 = enterprise (企业), so every demo company's code is 91….
    const creditCodes = new Map<string, string>();
    const creditCodeOf = (name: string) => {
      if (!creditCodes.has(name)) creditCodes.set(name, generateCreditCode(rng, '532301', { registrationAuthority: '9', organisationType: '1' }));
      return creditCodes.get(name)!;
    };
    for (const [a, agency] of demoAgencies.entries()) {
      const cast = await castOf(deps, agency, now);
      if (!cast) continue;
      for (const [i, sc] of SCENARIOS.entries()) {
        if (!cast.categories.includes(procedureOf(sc.procedure).category)) continue;
        if (sc.path === 'inspection_refer' && !cast.categories.includes('penalty')) continue;
        const story = STORIES[sc.story];
        const party = story.companies[(a + i) % story.companies.length]!;
        const demoCase: DemoCase = { story, party, officers: cast.officerNames, hearingHost: cast.hearingHost, phone: cast.phone, ending: sc.ending };
        await runScenario(deps, cast, sc, demoCase, { now, tmp, seed: a * 100 + i, creditCode: creditCodeOf(party.name) });
        opened++;
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return opened;
}

/** The agency's demo officers, leader and administrator, power items and a body camera. */
async function castOf(deps: DemoDeps, agency: typeof agencies.$inferSelect, now: Date): Promise<AgencyCast | null> {
  const { db } = deps.database;
  const { id: agencyId, name, categories } = agency;
  const today = chinaDate(now);
  const staff = await db.select().from(users).where(eq(users.agencyId, agencyId));
  const meta = { ip: '127.0.0.1', userAgent: 'sanxiang demo seed' };
  const byRole = async (role: string, other?: Actor | null) => {
    const u = staff.find((s) => s.roles.includes(role) && s.id !== other?.userId);
    return u ? actorForUser(db, u.id, meta, 'session') : null;
  };
  const officer = await byRole('officer');
  // The proposer never approves (issue 7): the leader who approves is never the officer who proposes.
  const [leader, admin] = await Promise.all([byRole('agency_leader', officer), byRole('agency_admin')]);
  if (!officer || !leader || !admin) return null;
  const officerUser = staff.find((s) => s.id === officer.userId)!;
  const certified = (await db.select().from(people).where(eq(people.agencyId, agencyId))).filter(
    (p) => p.certificateStatus === 'active' && p.certificateIssuedOn! <= today && p.certificateExpiresOn! >= today && !p.isLegalReviewer,
  );
  const lead = certified.find((p) => p.id === officerUser.personId) ?? certified[0];
  const member = certified.find((p) => p.id !== lead?.id);
  if (!lead || !member) return null;
  const host = certified.find((p) => p.id !== lead.id && p.id !== member.id);
  const ctx: AuditContext = { actor: admin, now: new Date(now.getTime() - 90 * DAY) };
  return db.transaction(async (tx) => {
    const items: AgencyCast['items'] = {};
    for (const item of DEMO_ITEMS.filter((i) => categories.includes(i.category))) {
      const [row] = await tx.insert(powerItems).values({ agencyId, ...item, isDemo: true, createdAt: ctx.now }).returning();
      items[item.code] = row!.id;
    }
    const camera = await registerDevice(tx, ctx, agencyId, { kind: 'body_camera', serialNumber: `DSJ-${agencyId.slice(0, 6).toUpperCase()}-01`, model: '执法记录仪 DSJ-V9' });
    await registerDevice(tx, ctx, agencyId, { kind: 'audio_recorder', serialNumber: `LY-${agencyId.slice(0, 6).toUpperCase()}-01`, model: '录音笔 R-200' });
    await lendDevice(tx, ctx, camera.id, lead.id);
    return {
      agencyId,
      name,
      categories,
      officer,
      leader,
      admin,
      group: [
        { personId: lead.id, role: 'leader' as const },
        { personId: member.id, role: 'member' as const },
      ],
      officerNames: [lead.name, member.name],
      hearingHost: host?.name ?? '（由机关负责人指定）',
      phone: agency.phone ?? '',
      items,
      deviceId: camera.id,
    };
  });
}

async function runScenario(
  deps: DemoDeps,
  cast: AgencyCast,
  sc: Scenario,
  demoCase: DemoCase,
  env: { now: Date; tmp: string; seed: number; creditCode: string },
) {
  const { db } = deps.database;
  const procedure = procedureOf(sc.procedure);
  const { party } = demoCase;
  let at = new Date(env.now.getTime() - sc.startDaysAgo * DAY);
  const ctxAt = (actor: Actor): AuditContext => ({ actor, now: at });
  const input: OpenCaseInput = {
    procedure: sc.procedure,
    powerItemId: cast.items[demoCase.story.itemCode]!,
    title: `${party.name}${demoCase.story.title}`,
    source: sc.procedure === 'licensing' ? 'application' : sc.procedure === 'penalty_summary' ? 'on_site' : sc.procedure === 'inspection' ? 'plan' : 'complaint',
    sourceDetail: { provider: sc.procedure === 'licensing' ? party.name : '12345政务服务便民热线', content: sc.procedure === 'licensing' ? demoCase.story.facts : '群众反映该单位存在违法行为', receivedOn: chinaDate(sc.procedure === 'licensing' ? new Date(at.getTime() - DAY) : at) },
    parties: [{ kind: 'legal_person', name: party.name, creditCode: env.creditCode, legalRepresentative: party.representative, address: party.address }],
  };
  const kase = await db.transaction((tx) => openCase(tx, ctxAt(cast.officer), cast.officer, input, { isDemo: true }));
  const path = PATHS[sc.path].slice(0, sc.steps);
  for (const [i, stepId] of path.entries()) {
    // Time passes between steps; before a decision not waited for by a waiver, the 5 working days
    // for the defence from the notice's service (行政处罚法第四十四条、第四十五条、第六十二条); an
    // emergency seizure is reported to the leader a couple of hours later (行政强制法第十九条).
    at =
      path[i - 1] === 'serve_prior_notice' && stepId === 'decide'
        ? new Date(`${onCalendar(deps.calendar.current, (c) => c.addWorkingDays(chinaDate(at), 6)).value}T02:00:00Z`)
        : path[i - 1] === 'act_urgently'
          ? new Date(at.getTime() + 2 * 3600_000 + 15 * 60_000)
          : new Date(at.getTime() + DAY + 37 * 60_000);
    if (at > env.now) at = new Date(env.now.getTime() - (path.length - i) * 60_000);
    const step = procedure.steps.find((s) => s.id === stepId)!;
    const actor = step.permission === 'case.approve' ? cast.leader : cast.officer;
    const on = chinaDate(at);
    if (stepId === 'implement' || stepId === 'act_urgently')
      demoCase.seizure = { lastDay: addDays(on, SEIZURE_DAYS), extendedDays: SEIZURE_DAYS, newLastDay: addDays(on, 2 * SEIZURE_DAYS), testingUntil: '' };
    if (stepId === 'start_testing') demoCase.seizure = { ...demoCase.seizure!, testingUntil: addDays(on, TESTING_DAYS) };
    if (step.av) {
      const late = sc.lateUpload && stepId === 'site_record';
      const capturedAt = new Date(at.getTime() - (late ? 6 * DAY : 20 * 60_000));
      const audio = path_(env.tmp, `${kase.id}-${stepId}.wav`, demoAudio(3, env.seed + i));
      const photo = path_(env.tmp, `${kase.id}-${stepId}.png`, demoSitePhoto(env.seed + i));
      const meta = { step: stepId, capturedAt: capturedAt.toISOString(), deviceId: cast.deviceId, location: party.address, confidentiality: 'none' as const };
      await addEvidenceFromFile(deps, ctxAt(cast.officer), cast.officer, kase.id, audio, { ...meta, kind: 'audio', title: `${step.zh}同步录音`, filetype: 'audio/wav', ...(late ? { lateReason: '执法记录仪故障，修复后导出' } : {}) });
      await addEvidenceFromFile(deps, ctxAt(cast.officer), cast.officer, kase.id, photo, { ...meta, kind: 'photo', title: `${step.zh}现场照片`, filetype: 'image/png', confidentiality: i % 3 === 0 ? 'trade_secret' : 'none' });
    }
    const docs = step.documents.map((docType, d) => ({
      docType,
      fields: demoDocumentFields(docType, on, demoCase, stepId),
      // Now and then a party refuses to sign a record — never its own waiver, which only its signature makes.
      ...(docTypeOf(docType).needsSignature ? { signature: (env.seed + d) % 4 === 3 && !docTypeOf(docType).partyStatement ? { refusalReason: '当事人以需请示上级为由拒绝签名，已有见证人在场' } : { imageDataUrl: demoSignature(env.seed + i) } } : {}),
    }));
    await db.transaction((tx) => completeStep(tx, deps, ctxAt(actor), actor, kase.id, { step: stepId, data: stepData(stepId, cast, at, sc, demoCase), documents: docs, waivers: {} }));
  }
  if (sc.archive) {
    at = new Date(at.getTime() + 5 * DAY);
    await db.transaction((tx) => compileCaseFile(tx, ctxAt(cast.admin), cast.admin, kase.id));
    at = new Date(at.getTime() + DAY);
    await db.transaction((tx) => transferCaseFile(tx, ctxAt(cast.admin), cast.admin, kase.id));
  }
  return kase.id;
}

function path_(dir: string, name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}
