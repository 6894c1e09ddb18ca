import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { actorForUser } from '../accounts/authenticate.js';
import type { Actor } from '../accounts/roles.js';
import { users } from '../accounts/tables.js';
import type { AuditContext } from '../audit/record.js';
import { agencies, people, type EnforcementCategory } from '../organisation/tables.js';
import { chinaDate } from '../platform/clock.js';
import type { AppDeps } from '../platform/http/context.js';
import { compileCaseFile, transferCaseFile } from '../recording/archive/archive.js';
import { completeStep } from '../recording/cases/complete-step.js';
import { openCase, type OpenCaseInput } from '../recording/cases/open-case.js';
import { lendDevice } from '../recording/devices/lend-device.js';
import { registerDevice } from '../recording/devices/register-device.js';
import { docTypeOf } from '../recording/documents/library.js';
import { addEvidenceFromFile } from '../recording/evidence/add-evidence.js';
import { powerItems } from '../recording/tables.js';
import { procedureOf } from '../recording/workflows/procedures.js';
import { generateCreditCode } from '../organisation/check-digits.js';
import { mulberry32 } from '../platform/random.js';
import { sampleDocumentFields } from './document-fields.js';
import { encodePng } from './portrait.js';

/*
 * Demo cases: every demo agency gets cases in every state its categories allow (an inspection on
 * site, one referred for a penalty, penalties awaiting decision, closed and archived, on-the-spot
 * fines, licences granted, refused and under review, a seizure in force, a levy), run through the
 * same use cases as the API, with documents, photos and audio recordings, dated over the last
 * weeks so that clocks, late uploads and archive deadlines show.
 */

const DAY = 86_400_000;

/** Power list items per category: name and legal basis from the laws in ../shared/laws. */
const ITEMS: Record<EnforcementCategory, { code: string; name: string; legalBasis: string }> = {
  inspection: { code: 'JC-001', name: '对本行业领域生产经营单位的行政检查', legalBasis: '《中华人民共和国节约能源法》第十二条；《中华人民共和国产品质量法》第十五条' },
  penalty: { code: 'CF-001', name: '对使用国家明令淘汰的用能设备或者生产工艺的处罚', legalBasis: '《中华人民共和国节约能源法》第七十一条' },
  licensing: { code: 'XK-001', name: '无线电台（站）设置审批', legalBasis: '《中华人民共和国无线电管理条例》第二十七条' },
  coercion: { code: 'QZ-001', name: '查封、扣押涉嫌不符合标准的产品', legalBasis: '《中华人民共和国产品质量法》第十八条' },
  levy: { code: 'ZS-001', name: '征收无线电频率占用费', legalBasis: '《中华人民共和国无线电管理条例》第二十五条' },
};

const COMPANIES = ['恒达电器有限公司', '滇中建材有限责任公司', '金沙江食品有限公司', '云岭通信技术有限公司', '彝乡农业科技有限公司', '紫溪山茶业有限公司', '鹿城机械制造厂', '龙川江水泥有限公司'];

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
  officerNames: string[];
  items: Partial<Record<EnforcementCategory, string>>;
  deviceId: string;
}

/** Step data for the demo, by step id. */
function stepData(step: string, cast: AgencyCast, on: string, sc: Scenario): Record<string, unknown> {
  const variant = sc.variant;
  switch (step) {
    case 'form_group':
    case 'accept':
      return { officers: cast.group };
    case 'propose_filing':
      return { officers: cast.group, summary: '当事人涉嫌使用国家明令淘汰的用能设备' };
    case 'propose_measure':
      return { officers: cast.group, measure: 'seize', items: '涉嫌不合格电热水壶320台', reason: '防止证据灭失、危害扩大' };
    case 'assess':
      return { officers: cast.group, basis: '《中华人民共和国无线电管理条例》第二十五条', amount: 12000 };
    case 'make_plan':
      return { purpose: '核查用能设备使用情况', scope: '生产车间及成品库', focus: '淘汰设备、计量器具', scheduledOn: on, divisionOfWork: `${cast.officerNames[0]}检查，${cast.officerNames[1]}记录`, schedule: '上午现场检查，下午询问' };
    case 'notify':
      return { method: 'in_writing' };
    case 'on_site_notice':
      return { certificatesShown: true, rightsExplained: true };
    case 'collect_materials':
      return { materials: [{ name: '设备台账', pages: 6, copyCertified: true }, { name: '能源消费统计表', pages: 3, copyCertified: true }] };
    case 'questioning':
      return { interviewee: '周建国' };
    case 'propose_outcome':
      return variant === 'plain' ? { result: 'corrected_on_spot', opinion: '计量器具未按期检定，已当场责令改正', publish: true } : { result: 'problem_found', opinion: '发现使用国家明令淘汰的电动机，建议立案查处', publish: true };
    case 'conclude_investigation':
      return { proposedPenalty: '责令停止使用，没收淘汰设备，罚款人民币48000元', fineAmount: 48000, hearingEligible: variant === 'hearing' };
    case 'decide':
      return sc.procedure === 'penalty_general' ? { penalty: '没收淘汰设备，罚款人民币48000元', fineAmount: 48000 } : {};
    case 'decide_on_spot':
      return { officers: cast.group, penalty: 'fine', fineAmount: 200, facts: '商品包装未标明生产厂厂名和厂址' };
    case 'serve':
      return { method: 'in_person', servedOn: on };
    case 'execute':
      return { how: 'paid', paidAmount: 48000 };
    case 'notify_missing':
      return { missing: ['电磁环境测试报告'] };
    case 'receive_supplement':
      return { received: ['电磁环境测试报告'] };
    case 'refer_penalty':
      return { powerItemId: cast.items.penalty, title: `${sc.title.replace(/（.*）$/, '')}转立案调查` };
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
      return variant === 'refuse'
        ? { recommendation: 'refuse', opinion: '申请频率与已批准台站同频干扰', legalReviewOpinion: '不予许可理由充分，程序合法' }
        : { recommendation: 'grant', opinion: '申请材料齐全，符合法定条件', legalReviewOpinion: '程序合法，同意准予许可' };
    case 'issue_certificate':
      return { certificateNumber: `滇无线电台〔${on.slice(0, 4)}〕${on.slice(5, 7)}${on.slice(8, 10)}`, validUntil: '2031-12-31' };
    case 'implement':
      return { partyPresent: true };
    case 'lift':
      return { outcome: 'confiscated', note: '经检验不合格，依法没收' };
    case 'collect':
      return { amount: 12000, receiptNo: `FS${on.replaceAll('-', '')}` };
    default:
      throw new Error(`demo: no data for step ${step}`);
  }
}

/** The path of each demo scenario through its procedure. */
const PATHS = {
  inspection: ['form_group', 'make_plan', 'notify', 'on_site_notice', 'collect_materials', 'site_record', 'questioning', 'propose_outcome', 'approve_outcome', 'close'],
  inspection_refer: ['form_group', 'make_plan', 'notify', 'on_site_notice', 'site_record', 'questioning', 'propose_outcome', 'approve_outcome', 'refer_penalty', 'close'],
  penalty_general: ['propose_filing', 'approve_filing', 'site_record', 'questioning', 'conclude_investigation', 'notify_prior', 'decide', 'serve', 'execute', 'close'],
  penalty_summary: ['decide_on_spot', 'file_with_agency', 'execute', 'close'],
  licensing_grant: ['accept', 'site_check', 'conclude_review', 'grant', 'issue_certificate', 'serve', 'close'],
  licensing_refuse: ['notify_missing', 'receive_supplement', 'accept', 'conclude_review', 'refuse', 'serve', 'close'],
  coercion: ['propose_measure', 'approve_measure', 'implement', 'lift', 'close'],
  levy: ['assess', 'decide', 'serve', 'collect', 'close'],
} as const;

interface Scenario {
  procedure: 'inspection' | 'penalty_general' | 'penalty_summary' | 'licensing' | 'coercion' | 'levy';
  path: keyof typeof PATHS;
  /** How many steps of the path are done (all = closed). */
  steps: number;
  variant: 'grant' | 'refuse' | 'hearing' | 'plain' | 'problem';
  title: string;
  startDaysAgo: number;
  archive?: boolean;
  /** One upload comes in after the 3 working days (R7). */
  lateUpload?: boolean;
}

const SCENARIOS: Scenario[] = [
  { procedure: 'inspection', path: 'inspection', steps: 6, variant: 'problem', title: '节能监察（现场检查中）', startDaysAgo: 3 },
  { procedure: 'inspection', path: 'inspection', steps: 10, variant: 'plain', title: '计量器具专项检查', startDaysAgo: 40, lateUpload: true },
  { procedure: 'inspection', path: 'inspection_refer', steps: 10, variant: 'problem', title: '节能监察（发现问题转立案）', startDaysAgo: 28 },
  { procedure: 'penalty_general', path: 'penalty_general', steps: 6, variant: 'plain', title: '使用淘汰用能设备案（待决定）', startDaysAgo: 20 },
  { procedure: 'penalty_general', path: 'penalty_general', steps: 10, variant: 'plain', title: '使用淘汰用能设备案（已结案归档）', startDaysAgo: 75, archive: true },
  { procedure: 'penalty_summary', path: 'penalty_summary', steps: 4, variant: 'plain', title: '产品标识不全当场处罚', startDaysAgo: 9 },
  { procedure: 'licensing', path: 'licensing_grant', steps: 7, variant: 'grant', title: '无线电台（站）设置申请（准予）', startDaysAgo: 30 },
  { procedure: 'licensing', path: 'licensing_refuse', steps: 6, variant: 'refuse', title: '无线电台（站）设置申请（不予许可）', startDaysAgo: 25 },
  { procedure: 'licensing', path: 'licensing_grant', steps: 2, variant: 'grant', title: '无线电台（站）设置申请（审查中）', startDaysAgo: 12 },
  { procedure: 'coercion', path: 'coercion', steps: 3, variant: 'plain', title: '扣押涉嫌不合格产品', startDaysAgo: 10 },
  { procedure: 'levy', path: 'levy', steps: 5, variant: 'plain', title: '频率占用费征收', startDaysAgo: 35 },
];

/** Loads the demo cases for every confirmed demo agency; returns how many cases were opened. */
export async function seedDemoCases(deps: AppDeps): Promise<number> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-demo-'));
  const rng = mulberry32(20261129);
  let opened = 0;
  try {
    const demoAgencies = await db.select().from(agencies).where(and(eq(agencies.kind, 'enforcement'), isNotNull(agencies.confirmedAt)));
    for (const [a, agency] of demoAgencies.entries()) {
      const cast = await castOf(deps, agency.id, agency.name, agency.categories, now);
      if (!cast) continue;
      for (const [i, sc] of SCENARIOS.entries()) {
        if (!cast.categories.includes(procedureOf(sc.procedure).category)) continue;
        if (sc.path === 'inspection_refer' && !cast.items.penalty) continue;
        await runScenario(deps, cast, sc, { now, tmp, seed: a * 100 + i, company: COMPANIES[(a + i) % COMPANIES.length]!, creditCode: generateCreditCode(rng, '532301') });
        opened++;
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return opened;
}

/** The agency's demo officers, leader and administrator, power items and a body camera. */
async function castOf(deps: AppDeps, agencyId: string, name: string, categories: EnforcementCategory[], now: Date): Promise<AgencyCast | null> {
  const { db } = deps.database;
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
  const ctx: AuditContext = { actor: admin, now: new Date(now.getTime() - 90 * DAY) };
  return db.transaction(async (tx) => {
    const items: AgencyCast['items'] = {};
    for (const c of categories) {
      const [row] = await tx.insert(powerItems).values({ agencyId, ...ITEMS[c], category: c, isDemo: true, createdAt: ctx.now }).returning();
      items[c] = row!.id;
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
      items,
      deviceId: camera.id,
    };
  });
}

async function runScenario(
  deps: AppDeps,
  cast: AgencyCast,
  sc: Scenario,
  env: { now: Date; tmp: string; seed: number; company: string; creditCode: string },
) {
  const { db } = deps.database;
  const procedure = procedureOf(sc.procedure);
  let at = new Date(env.now.getTime() - sc.startDaysAgo * DAY);
  const ctxAt = (actor: Actor): AuditContext => ({ actor, now: at });
  const input: OpenCaseInput = {
    procedure: sc.procedure,
    powerItemId: cast.items[procedure.category]!,
    title: `楚雄${env.company}${sc.title}`,
    source: sc.procedure === 'licensing' ? 'application' : sc.procedure === 'penalty_summary' ? 'on_site' : sc.procedure === 'inspection' ? 'plan' : 'complaint',
    sourceDetail: { provider: sc.procedure === 'licensing' ? env.company : '12345政务服务便民热线', content: sc.procedure === 'licensing' ? '申请设置通信基站1座' : '群众反映该单位存在违法行为', receivedOn: chinaDate(at) },
    parties: [{ kind: 'legal_person', name: `楚雄${env.company}`, creditCode: env.creditCode, legalRepresentative: '周建国', address: '楚雄市鹿城镇永安路18号' }],
  };
  const kase = await db.transaction((tx) => openCase(tx, ctxAt(cast.officer), cast.officer, input, { isDemo: true }));
  const path = PATHS[sc.path].slice(0, sc.steps);
  for (const [i, stepId] of path.entries()) {
    // Time passes between steps; after the prior notice, the 5 working days for the defence.
    at =
      path[i - 1] === 'notify_prior'
        ? new Date(`${deps.calendar.current.addWorkingDays(chinaDate(at), 6)}T02:00:00Z`)
        : new Date(at.getTime() + DAY + 37 * 60_000);
    if (at > env.now) at = new Date(env.now.getTime() - (path.length - i) * 60_000);
    const step = procedure.steps.find((s) => s.id === stepId)!;
    const actor = step.permission === 'case.approve' ? cast.leader : cast.officer;
    const on = chinaDate(at);
    if (step.av) {
      const late = sc.lateUpload && stepId === 'site_record';
      const capturedAt = new Date(at.getTime() - (late ? 6 * DAY : 20 * 60_000));
      const audio = path_(env.tmp, `${kase.id}-${stepId}.wav`, demoAudio(3, env.seed + i));
      const photo = path_(env.tmp, `${kase.id}-${stepId}.png`, demoSitePhoto(env.seed + i));
      const meta = { step: stepId, capturedAt: capturedAt.toISOString(), deviceId: cast.deviceId, location: '楚雄市鹿城镇永安路18号', confidentiality: 'none' as const };
      await addEvidenceFromFile(deps, ctxAt(cast.officer), cast.officer, kase.id, audio, { ...meta, kind: 'audio', title: `${step.zh}同步录音`, filetype: 'audio/wav', ...(late ? { lateReason: '执法记录仪故障，修复后导出' } : {}) });
      await addEvidenceFromFile(deps, ctxAt(cast.officer), cast.officer, kase.id, photo, { ...meta, kind: 'photo', title: `${step.zh}现场照片`, filetype: 'image/png', confidentiality: i % 3 === 0 ? 'trade_secret' : 'none' });
    }
    const docs = step.documents.map((docType, d) => ({
      docType,
      fields: sampleDocumentFields(docType, on),
      ...(docTypeOf(docType).needsSignature ? { signature: (env.seed + d) % 4 === 3 ? { refusalReason: '当事人以需请示上级为由拒绝签名，已有见证人在场' } : { imageDataUrl: demoSignature(env.seed + i) } } : {}),
    }));
    await db.transaction((tx) => completeStep(tx, deps, ctxAt(actor), actor, kase.id, { step: stepId, data: stepData(stepId, cast, on, sc), documents: docs, waivers: {} }));
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
