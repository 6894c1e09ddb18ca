import type { EnforcementCategory } from '../organisation/tables.js';

/*
 * What each demo case is about, so that everything about it agrees (issue 8): its power item, the
 * facts, the law its documents cite, the penalty and any fine (stated once), whether a hearing
 * right applies, and the party, officers and interviewee named in its documents. The laws are
 * those in ../shared/laws; the articles are cited beside each story.
 */

export interface DemoItem {
  code: string;
  category: EnforcementCategory;
  name: string;
  legalBasis: string;
}

/** Power list items of every demo agency (one per story; a category may have more than one). */
export const DEMO_ITEMS: readonly DemoItem[] = [
  // 节约能源法第十二条: the energy-saving departments inspect how the law and standards are kept.
  { code: 'JC-001', category: 'inspection', name: '对用能单位执行节能法律、法规和节能标准情况的监督检查', legalBasis: '《中华人民共和国节约能源法》第十二条' },
  // 节约能源法第十七条 forbids, 第七十一条 punishes: stop using and confiscate; it sets no fine.
  { code: 'CF-001', category: 'penalty', name: '对使用国家明令淘汰的用能设备或者生产工艺的处罚', legalBasis: '《中华人民共和国节约能源法》第十七条、第七十一条' },
  // 无线电管理条例第七十二条: order to correct, confiscate gains, a fine up to 30,000 yuan (within 行政处罚法第五十一条's 3,000 on the spot).
  { code: 'CF-002', category: 'penalty', name: '对未按照无线电台执照规定的许可事项和要求使用无线电台（站）的处罚', legalBasis: '《中华人民共和国无线电管理条例》第七十二条' },
  { code: 'XK-001', category: 'licensing', name: '无线电台（站）设置审批', legalBasis: '《中华人民共和国无线电管理条例》第二十七条' },
  // 产品质量法第十八条: seizure of products suspected of failing the safety standards.
  { code: 'QZ-001', category: 'coercion', name: '查封、扣押涉嫌不符合保障人体健康和人身、财产安全标准的产品', legalBasis: '《中华人民共和国产品质量法》第十八条' },
  { code: 'ZS-001', category: 'levy', name: '征收无线电频率占用费', legalBasis: '《中华人民共和国无线电管理条例》第二十五条' },
];

/** A party of a demo case: a company with its legal representative (who is interviewed and served). */
export interface DemoCompany {
  name: string;
  representative: string;
  sex: 'male' | 'female';
  address: string;
}

export type StoryId = 'energy_inspection' | 'energy_check' | 'obsolete_equipment' | 'radio_power' | 'radio_licence' | 'unsafe_kettles' | 'frequency_fee';

export interface Story {
  itemCode: string;
  /** Parties that fit the story; the agency's index picks one. */
  companies: readonly DemoCompany[];
  /** What the case is about; the title says no more (no state: the case shows its own). */
  title: string;
  facts: string;
  evidence: readonly string[];
  /** The law the documents cite; it contains the power item's law. */
  legalBasis: string;
  /** What is imposed, without the fine (the documents state the fine once, from `fineAmount`). */
  penalty?: string;
  fineAmount?: number;
  /** 行政处罚法第六十三条: whether the intended penalty gives the party a hearing right. */
  hearingEligible?: boolean;
  /** Inspection plan and findings. */
  inspection?: { purpose: string; scope: string; focus: string; content: string; findings: string; question: string; answer: string };
}

const company = (name: string, representative: string, sex: 'male' | 'female', address: string): DemoCompany => ({ name, representative, sex, address });

const BUILDING = [
  company('楚雄滇中建材有限责任公司', '周建国', 'male', '楚雄市鹿城镇永安路18号'),
  company('楚雄龙川江水泥有限公司', '李华', 'female', '楚雄市东瓜镇龙川路66号'),
  company('楚雄鹿城机械制造厂', '杨正明', 'male', '楚雄市经济技术开发区阳光大道9号'),
];
const RADIO = [
  company('楚雄云岭通信技术有限公司', '张丽萍', 'female', '楚雄市鹿城南路120号'),
  company('楚雄紫溪山茶业有限公司', '罗文斌', 'male', '楚雄市紫溪镇紫溪村56号'),
];
const ELECTRIC = [company('楚雄恒达电器有限公司', '赵永红', 'female', '楚雄市经济技术开发区永安路18号')];

const MOTORS = '国家明令淘汰的Y系列三相异步电动机3台（型号Y160M-4，铭牌出厂日期2009年）';

export const STORIES: Record<StoryId, Story> = {
  energy_inspection: {
    itemCode: 'JC-001',
    companies: BUILDING,
    title: '节能监察',
    facts: `检查发现当事人生产车间在用${MOTORS}。`,
    evidence: ['现场检查笔录', '询问笔录', '设备台账', '现场照片'],
    legalBasis: '《中华人民共和国节约能源法》第十二条',
    inspection: {
      purpose: '核查重点用能设备使用情况',
      scope: '生产车间及成品库',
      focus: '国家明令淘汰的用能设备',
      content: '重点用能设备使用情况',
      findings: `生产车间在用${MOTORS}。`,
      question: '车间内的Y系列电动机是何时购买、使用的？',
      answer: '2009年购买，一直使用至今。',
    },
  },
  energy_check: {
    itemCode: 'JC-001',
    companies: BUILDING,
    title: '能源利用状况专项检查',
    facts: '检查发现当事人能源消费统计台账未按月登记，已当场责令改正。',
    evidence: ['现场检查笔录', '询问笔录', '能源消费统计表'],
    legalBasis: '《中华人民共和国节约能源法》第十二条',
    inspection: {
      purpose: '核查能源利用状况和能源消费统计',
      scope: '生产车间及能源管理台账',
      focus: '能源消费统计、用能设备台账',
      content: '能源消费统计和用能设备台账',
      findings: '能源消费统计台账2026年8月至10月未按月登记，其余情况正常。',
      question: '能源消费统计台账为什么没有按月登记？',
      answer: '统计人员离职，新人尚未接手，我们马上补登。',
    },
  },
  obsolete_equipment: {
    itemCode: 'CF-001',
    companies: BUILDING,
    title: '使用国家明令淘汰的用能设备案',
    facts: `经查，当事人自2009年起在生产车间使用${MOTORS}，至检查时仍在使用。`,
    evidence: ['检查（勘验）笔录1份', '询问笔录1份', '设备台账复印件1份', '现场照片6张'],
    legalBasis: '《中华人民共和国节约能源法》第十七条、第七十一条',
    penalty: '责令停止使用，没收国家明令淘汰的用能设备（Y系列三相异步电动机3台）',
    // Three motors of 2009 are not property of a large value (第六十三条第一款第二项): no hearing right.
    hearingEligible: false,
  },
  radio_power: {
    itemCode: 'CF-002',
    companies: RADIO,
    title: '未按执照核定功率使用无线电台（站）案',
    facts: '当事人设置的对讲机中继台发射功率为25瓦，超过无线电台执照核定的5瓦。',
    evidence: ['现场监测记录', '现场照片'],
    legalBasis: '《中华人民共和国无线电管理条例》第七十二条',
    // 第七十二条: "责令改正…可以并处…罚款" (the general-procedure demo case states it; the fine separately).
    penalty: '责令改正，按照无线电台执照核定的功率使用',
    fineAmount: 200,
  },
  radio_licence: {
    itemCode: 'XK-001',
    companies: RADIO,
    title: '无线电台（站）设置申请',
    facts: '申请在楚雄市鹿城镇设置通信基站1座。',
    evidence: ['无线电台（站）设置申请表', '技术资料', '营业执照复印件'],
    legalBasis: '《中华人民共和国无线电管理条例》第二十七条',
  },
  unsafe_kettles: {
    itemCode: 'QZ-001',
    companies: ELECTRIC,
    title: '扣押涉嫌不合格电热水壶',
    facts: '经抽样检验，当事人生产的电热水壶（型号HD-1750）泄漏电流项目不符合GB 4706.1-2005的要求，成品库尚存320台。',
    evidence: ['产品抽样检验报告（编号JY2026-1088）', '现场检查笔录', '现场照片'],
    legalBasis: '《中华人民共和国产品质量法》第十八条',
  },
  frequency_fee: {
    itemCode: 'ZS-001',
    companies: RADIO,
    title: '无线电频率占用费征收',
    facts: '当事人2026年度使用2515-2675MHz频段，应缴纳频率占用费。',
    evidence: ['无线电频率使用许可证'],
    legalBasis: '《中华人民共和国无线电管理条例》第二十五条',
  },
};

/** The laws (《…》) a legal basis cites. */
export const lawsOf = (basis: string): string[] => [...basis.matchAll(/《[^》]+》/g)].map((m) => m[0]);
