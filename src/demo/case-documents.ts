import type { DemoCompany, Story } from './stories.js';

/** One demo case as its documents and steps see it: its story, its party and its officers. */
export interface DemoCase {
  story: Story;
  party: DemoCompany;
  /** The case's officers: the leader of the group first, then the member who keeps the records. */
  officers: readonly [string, string];
  /** A certified officer who is not on the case (行政处罚法第六十四条: the host is not an investigator). */
  hearingHost: string;
  /** The agency's phone, for contacts. */
  phone: string;
  /** How the case ends: the decision served, what came of it, how it was carried out. */
  ending: { served: string; outcome: string; execution: string };
  /** A seizure's dates as its documents state them (行政强制法 Art. 25), where the case has one. */
  seizure?: { lastDay: string; extendedDays: number; newLastDay: string; testingUntil: string };
}

/**
 * The contents of one uniform document of a demo case, made from the case's own data (issue 8):
 * the party and its legal representative, the case's officers, the story's facts and law, the fine
 * stated once (in `fineAmount`, never again in the penalty's text) and the hearing right the case
 * decided. `on` is the China date the document is made; `step` the step that issues it, where one
 * type serves several steps (the 送达回证 of the prior notice and of the decision).
 */
export function demoDocumentFields(docType: string, on: string, c: DemoCase, step?: string): Record<string, unknown> {
  const at = (hm: string) => `${on}T${hm}`;
  const { story, party } = c;
  const [lead, member] = c.officers;
  const rep = party.representative;
  const contact = `${lead} ${c.phone}`;
  const ins = story.inspection;
  switch (docType) {
    case 'case_filing_approval':
      return { caseSource: '投诉举报（12345政务服务便民热线转来）', summary: story.facts, suspectedViolation: story.legalBasis, reason: '有违法事实，依法应当给予行政处罚，属于本机关管辖，符合立案条件。', handlerOpinion: '建议立案调查。' };
    case 'inspection_notice':
      return { basis: story.legalBasis, inspectionAt: at('09:30'), content: ins?.content ?? story.title, procedure: '执法人员出示执法证件，告知权利义务后实施现场检查，制作笔录。', contact };
    case 'on_site_notice':
      return { basis: story.legalBasis, purpose: ins?.purpose ?? story.title, certificatesShown: true };
    case 'inspection_record':
      return {
        startedAt: at('09:40'),
        endedAt: at('11:10'),
        place: `${party.address}生产车间`,
        recorder: member,
        presentPersons: [{ name: rep, role: '法定代表人' }],
        content: ins?.content ?? story.title,
        process: '执法人员出示证件、告知权利义务后进行检查，拍摄照片并录像。',
        findings: ins?.findings ?? story.facts,
      };
    case 'questioning_record':
      return {
        startedAt: at('14:00'),
        endedAt: at('15:05'),
        place: `${party.name}办公室`,
        questioners: [lead, member],
        recorder: member,
        interviewee: { name: rep, gender: party.sex, position: `${party.name} 法定代表人` },
        qa: [
          { question: '我们是本机关的执法人员，这是我们的执法证件。你是否看清楚？', answer: '看清楚了。' },
          ins ? { question: ins.question, answer: ins.answer } : { question: '对检查发现的情况你有什么说明？', answer: '情况属实，我们愿意配合调查。' },
        ],
      };
    case 'investigation_report':
      return { facts: story.facts, evidence: [...story.evidence], legalBasis: story.legalBasis, proposal: story.penalty ?? '', ...fineOf(story) };
    case 'penalty_prior_notice':
      return { facts: story.facts, evidence: [...story.evidence], legalBasis: story.legalBasis, proposedPenalty: story.penalty ?? '', ...fineOf(story), hearingRight: story.hearingEligible === true, contact };
    case 'hearing_notice':
      return { hearingAt: at('09:00'), place: '本机关听证室', host: c.hearingHost };
    case 'hearing_record':
      return { startedAt: at('09:00'), endedAt: at('10:30'), place: '本机关听证室', host: c.hearingHost, recorder: member, investigators: [lead, member], partyAttendees: [rep], isPublic: true, investigatorStatement: '调查人员陈述了违法事实、证据和拟作出的处罚。', partyStatement: '当事人对事实无异议，请求从轻处罚。' };
    case 'penalty_decision':
      return { facts: story.facts, evidence: [...story.evidence], legalBasis: story.legalBasis, penalty: story.penalty ?? '', ...fineOf(story) };
    case 'on_the_spot_penalty_decision':
      return { violation: story.facts, legalBasis: story.legalBasis, penalty: 'fine', fineAmount: story.fineAmount, occurredAt: at('10:15'), place: party.address };
    case 'licence_refusal':
      return { licenceItem: '无线电台（站）设置', appliedOn: on, reasons: '申请设置的台站频率与已批准台站存在同频干扰，且未提交电磁环境测试报告。', legalBasis: `${story.legalBasis}、第三十条` };
    case 'licence_grant':
      return { licenceItem: '无线电台（站）设置', appliedOn: on, scope: '楚雄市鹿城镇通信基站1座，发射频率2515-2675MHz', legalBasis: story.legalBasis, validFrom: on, validUntil: '2031-11-30' };
    case 'service_receipt':
      return { servedDocuments: [{ title: SERVED_BY_STEP[step ?? ''] ?? c.ending.served }], method: 'in_person', place: party.address, recipient: rep, servedAt: at('10:00') };
    case 'closing_report':
      return { summary: `${party.name}${story.title}。${story.facts}`, outcome: c.ending.outcome, execution: c.ending.execution, closingReason: '案件办理完毕' };
    case 'acceptance_notice':
      return { licenceItem: '无线电台（站）设置', receivedOn: on, materials: [...story.evidence] };
    case 'missing_materials_notice':
      return { licenceItem: '无线电台（站）设置', receivedOn: on, missing: [{ material: '电磁环境测试报告', requirement: '由具备资质的检测机构出具' }] };
    case 'seizure_decision':
      return { measure: 'seizure', facts: story.facts, legalBasis: story.legalBasis, items: [{ name: '电热水壶 HD-1750', quantity: '320台' }], place: `${party.name}成品库`, periodDays: 30 };
    case 'levy_decision':
      return { levyItem: '无线电频率占用费', basis: story.legalBasis, amount: LEVY_AMOUNT, payBy: `${on.slice(0, 4)}-12-31`, payment: '请于缴款期限内通过非税收入缴款系统缴纳。' };
    case 'statement_waiver':
    case 'hearing_waiver':
      return { declarant: rep };
    case 'hearing_summons':
      return { hearingAt: at('09:00'), place: '本机关听证室', host: c.hearingHost };
    case 'seizure_extension_decision':
      return { measure: 'seizure', originalLastDay: c.seizure!.lastDay, extendedDays: c.seizure!.extendedDays, newLastDay: c.seizure!.newLastDay, reason: '涉案产品需追查来源和销售去向，案情复杂' };
    case 'testing_period_notice':
      return { measure: 'seizure', kind: 'testing', items: [{ name: '电热水壶 HD-1750', quantity: '6台（抽样）' }], institution: '云南省产品质量监督检验研究院', from: on, until: c.seizure!.testingUntil };
    case 'seizure_release':
      return { measure: 'seizure', ground: 'no_violation', items: [{ name: '电热水壶 HD-1750', quantity: '320台' }] };
    case 'non_acceptance_decision':
      return { licenceItem: '无线电台（站）设置', receivedOn: on, reasons: '申请设置的广播电台不属于本机关的审批权限。', competentAgency: '国家无线电管理机构' };
    case 'extension_notice':
      return { licenceItem: '无线电台（站）设置', acceptedOn: on, days: 10, reason: '申请设置的台站涉及跨区域频率协调，需征求相邻地区无线电管理机构意见。' };
    case 'excluded_time_notice':
      return { licenceItem: '无线电台（站）设置', procedure: '电磁环境检测', timeNeeded: '十个工作日' };
    case 'licence_hearing_rights_notice':
      return { licenceItem: '无线电台（站）设置', contact };
    case 'licence_hearing_notice':
      // The hearing the schedule_hearing step sets, 21 days after the notice (./cases.ts).
      return { licenceItem: '无线电台（站）设置', hearingAt: `${new Date(Date.parse(`${on}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10)}T09:00`, place: '本机关听证室', host: c.hearingHost };
    case 'enforcement_reminder':
      return { obligation: '缴纳罚款', performBy: new Date(Date.parse(`${on}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10), manner: '到指定的银行或者通过电子支付系统缴纳', ...(story.fineAmount ? { amount: story.fineAmount, payment: '缴入指定银行的非税收入专户，或者通过电子缴款系统缴纳' } : {}) };
    case 'preservation_notice':
      return { items: [{ name: '电热水壶 HD-1750', quantity: '20台' }], place: '本机关物证保管室', approvedBy: lead, approvedOn: on };
    default:
      throw new Error(`demo: no fields for ${docType}`);
  }
}

/** The frequency fee the levy story assesses, decides and collects. */
export const LEVY_AMOUNT = 12000;

const fineOf = (story: Story) => (story.fineAmount ? { fineAmount: story.fineAmount } : {});

/** What a 送达回证 serves, by the step that records the service (otherwise the case's decision). */
const SERVED_BY_STEP: Readonly<Record<string, string>> = { serve_prior_notice: '行政处罚事先告知书', serve_hearing_summons: '听证通知书', serve_reminder: '催告书' };
