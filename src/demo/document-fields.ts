/**
 * Realistic contents of each uniform document, for the tests: what an officer of a prefecture
 * industry bureau would type. `on` is the China date the document is made. The demo cases make
 * theirs from their own data (./case-documents.ts).
 */
export function sampleDocumentFields(docType: string, on: string): Record<string, unknown> {
  const at = (hm: string) => `${on}T${hm}`;
  const facts = '经查，当事人于2026年10月生产的“恒达”牌电热水壶（型号HD-1750）经抽样检验，泄漏电流项目不符合GB 4706.1-2005的要求。';
  const evidence = ['产品抽样检验报告（编号JY2026-1088）', '现场检查笔录', '询问笔录', '现场照片及视频'];
  const basis = '《中华人民共和国产品质量法》第十三条、第四十九条';
  switch (docType) {
    case 'case_filing_approval':
      return { caseSource: '监督抽查发现', summary: facts, suspectedViolation: '生产不符合保障人身、财产安全的国家标准的产品', reason: '有违法事实，依法应当给予行政处罚，属于本机关管辖，符合立案条件。', handlerOpinion: '建议立案调查。' };
    case 'inspection_notice':
      return { basis: '《中华人民共和国产品质量法》第十五条、第十八条', inspectionAt: at('09:30'), content: '电器产品生产质量状况', procedure: '执法人员出示执法证件，告知权利义务后实施现场检查，制作笔录。', contact: '0878-3121234' };
    case 'on_site_notice':
      return { basis: '《中华人民共和国产品质量法》第十八条', purpose: '对电器产品生产质量状况进行监督检查', certificatesShown: true };
    case 'inspection_record':
      return { startedAt: at('09:40'), endedAt: at('11:10'), place: '楚雄市鹿城镇永安路18号生产车间', recorder: '王芳', presentPersons: [{ name: '周建国', role: '法定代表人' }], content: '生产现场、原料及成品仓库', process: '执法人员出示证件、告知权利义务后，对生产线、成品库进行检查，拍摄照片并录像。', findings: '成品库存放“恒达”牌电热水壶（HD-1750）320台，未见出厂检验记录。' };
    case 'questioning_record':
      return { startedAt: at('14:00'), endedAt: at('15:05'), place: '本局第二询问室', questioners: ['李明', '王芳'], recorder: '王芳', interviewee: { name: '周建国', gender: 'male', position: '法定代表人' }, qa: [{ question: '你公司何时开始生产HD-1750型电热水壶？', answer: '2026年9月开始生产。' }, { question: '出厂前是否进行检验？', answer: '只抽检外观，没有做电气安全检验。' }] };
    case 'investigation_report':
      return { facts, evidence, legalBasis: basis, proposal: '责令停止生产，没收违法生产的产品，并处违法生产产品货值金额等值罚款。', fineAmount: 48000 };
    case 'penalty_prior_notice':
      return { facts, evidence, legalBasis: basis, proposedPenalty: '没收违法生产的产品，并处罚款人民币48000元', fineAmount: 48000, hearingRight: true, contact: '0878-3121234' };
    case 'hearing_notice':
      return { hearingAt: at('09:00'), place: '本局听证室', host: '陈静' };
    case 'hearing_record':
      return { startedAt: at('09:00'), endedAt: at('10:30'), place: '本局听证室', host: '陈静', recorder: '赵敏', investigators: ['李明', '王芳'], partyAttendees: ['周建国'], isPublic: true, investigatorStatement: '调查人员陈述了违法事实、证据和处罚建议。', partyStatement: '当事人承认违法事实，请求从轻处罚。' };
    case 'penalty_decision':
      return { facts, evidence, legalBasis: basis, penalty: '没收违法生产的产品，并处罚款人民币48000元', fineAmount: 48000 };
    case 'on_the_spot_penalty_decision':
      return { violation: '在商品包装上未标明生产厂厂名和厂址', legalBasis: '《中华人民共和国产品质量法》第二十七条、第五十四条', penalty: 'fine', fineAmount: 200, occurredAt: at('10:15'), place: '楚雄市开发区永安路' };
    case 'licence_refusal':
      return { licenceItem: '无线电台（站）设置', appliedOn: on, reasons: '申请设置的台站频率与已批准台站存在同频干扰，且未提交电磁环境测试报告。', legalBasis: '《中华人民共和国无线电管理条例》第二十七条、第三十条' };
    case 'licence_grant':
      return { licenceItem: '无线电台（站）设置', appliedOn: on, scope: '楚雄市鹿城镇通信基站1座，发射频率2515-2675MHz', legalBasis: '《中华人民共和国无线电管理条例》第二十七条', validFrom: on, validUntil: '2031-11-30' };
    case 'service_receipt':
      return { servedDocuments: [{ title: '行政处罚决定书' }], method: 'in_person', place: '楚雄市鹿城镇永安路18号', recipient: '周建国', servedAt: at('10:00') };
    case 'closing_report':
      return { summary: facts, outcome: '已作出行政处罚决定并送达。', execution: '当事人已于期限内缴清罚款。', closingReason: '处罚决定执行完毕' };
    case 'acceptance_notice':
      return { licenceItem: '无线电台（站）设置', receivedOn: on, materials: ['无线电台（站）设置申请表', '技术资料', '营业执照复印件'] };
    case 'missing_materials_notice':
      return { licenceItem: '无线电台（站）设置', receivedOn: on, missing: [{ material: '电磁环境测试报告', requirement: '由具备资质的检测机构出具' }] };
    case 'seizure_decision':
      return { measure: 'seizure', facts, legalBasis: '《中华人民共和国产品质量法》第十八条', items: [{ name: '“恒达”牌电热水壶 HD-1750', quantity: '320台' }], place: '当事人成品库', periodDays: 30 };
    case 'levy_decision':
      return { levyItem: '无线电频率占用费', basis: '《中华人民共和国无线电管理条例》第二十五条', amount: 12000, payBy: '2026-12-31', payment: '请于缴款期限内通过非税收入缴款系统缴纳。' };
    case 'statement_waiver':
    case 'hearing_waiver':
      return { declarant: '周建国' };
    case 'hearing_summons':
      return { hearingAt: at('09:00'), place: '本局听证室', host: '陈静' };
    case 'seizure_extension_decision':
      return { measure: 'seizure', originalLastDay: on, extendedDays: 30, newLastDay: addDays(on, 30), reason: '涉案产品需追查来源，案情复杂' };
    case 'testing_period_notice':
      return { measure: 'seizure', kind: 'testing', items: [{ name: '“恒达”牌电热水壶 HD-1750', quantity: '6台' }], institution: '云南省产品质量监督检验研究院', from: on, until: addDays(on, 10) };
    case 'seizure_release':
      return { measure: 'seizure', ground: 'no_violation', items: [{ name: '“恒达”牌电热水壶 HD-1750', quantity: '320台' }] };
    case 'freeze_notice':
      return { legalBasis: '《中华人民共和国税收征收管理法》第三十八条', bank: '中国工商银行楚雄分行', accountNumber: '2503001009200012345', amount: 50000, frozenFrom: on, periodDays: 30 };
    case 'freeze_decision':
      return { facts, legalBasis: '《中华人民共和国税收征收管理法》第三十八条', bank: '中国工商银行楚雄分行', accountNumber: '2503001009200012345', amount: 50000, frozenFrom: on, periodDays: 30 };
    case 'freeze_extension_decision':
      return { bank: '中国工商银行楚雄分行', accountNumber: '2503001009200012345', originalLastDay: on, extendedDays: 30, newLastDay: addDays(on, 30), reason: '涉案资金往来需逐笔核查' };
    case 'unfreeze_decision':
      return { ground: 'decided', bank: '中国工商银行楚雄分行', accountNumber: '2503001009200012345', amount: 50000 };
    case 'non_acceptance_decision':
      return { licenceItem: '无线电台（站）设置', receivedOn: on, reasons: '申请设置的广播电台不属于本机关的审批权限。', competentAgency: '国家无线电管理机构' };
    case 'extension_notice':
      return { licenceItem: '无线电台（站）设置', acceptedOn: on, days: 10, reason: '申请设置的台站涉及跨区域频率协调，需征求相邻地区无线电管理机构意见。' };
    case 'excluded_time_notice':
      return { licenceItem: '无线电台（站）设置', procedure: '电磁环境检测', timeNeeded: '十个工作日' };
    case 'licence_hearing_rights_notice':
      return { licenceItem: '无线电台（站）设置', contact: '0878-3121234' };
    case 'licence_hearing_notice':
      return { licenceItem: '无线电台（站）设置', hearingAt: at('09:00'), place: '本局听证室', host: '陈静' };
    case 'enforcement_reminder':
      return { obligation: '缴纳罚款', performBy: addDays(on, 10), manner: '到指定的银行或者通过电子支付系统缴纳', amount: 1000, payment: '缴入指定银行的非税收入专户，或者通过电子缴款系统缴纳' };
    case 'preservation_notice':
      return { items: [{ name: '“恒达”牌电热水壶 HD-1750', quantity: '20台' }], place: '本局物证保管室', approvedBy: '陈静', approvedOn: on };
    default:
      throw new Error(`no sample fields for ${docType}`);
  }
}

/** The calendar date `n` days after `on` ('YYYY-MM-DD'). */
const addDays = (on: string, n: number) => new Date(Date.parse(`${on}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
