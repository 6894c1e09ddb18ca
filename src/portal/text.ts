import type { EnforcementCategory } from '../organisation/tables.js';
import type { CertificateVerdict } from './certificate-verdict.js';

/**
 * The public portal's words, zh-CN first with its English beside it. One place, so the pages stay
 * free of scattered strings; a page shows one language (Chinese unless the reader switched).
 */
export interface Label {
  zh: string;
  en: string;
}

/** The language a portal page is shown in. */
export type PortalLanguage = keyof Label;

export const PORTAL_LANGUAGES: readonly PortalLanguage[] = ['zh', 'en'];

const l = (zh: string, en: string): Label => ({ zh, en });

/** 执法类别 — the five kinds of enforcement an agency or officer may carry out. */
export const categoryLabels: Record<EnforcementCategory, Label> = {
  licensing: l('行政许可', 'Licensing'),
  penalty: l('行政处罚', 'Penalty'),
  coercion: l('行政强制', 'Coercion'),
  inspection: l('行政检查', 'Inspection'),
  levy: l('行政征收征用', 'Levy & requisition'),
};

/** The verdict of a certificate check (P3, P12). */
export const verdictLabels: Record<CertificateVerdict | 'not_found', Label> = {
  valid: l('有效', 'Valid'),
  expired: l('已过期', 'Expired'),
  revoked: l('已吊销', 'Revoked'),
  suspended: l('暂扣', 'Suspended'),
  not_yet_valid: l('尚未生效', 'Not yet valid'),
  not_found: l('未找到', 'Not found'),
};

export const portalText = {
  siteTitle: l('行政执法公示平台', 'Administrative Enforcement Publicity'),
  navHome: l('首页', 'Home'),
  navOfficers: l('执法人员查询', 'Officer search'),
  agencies: l('行政执法主体', 'Enforcement agencies'),
  agenciesNote: l('以下执法主体资格均经司法行政部门确认', 'Each agency listed has been confirmed by the justice bureau'),
  noAgencies: l('暂无已确认的执法主体', 'No confirmed agencies yet'),
  supervisors: l('行政执法监督机关', 'Supervising justice bureaus'),
  head: l('负责人', 'Head'),
  address: l('地址', 'Address'),
  phone: l('联系电话', 'Phone'),
  supervisionPhone: l('监督电话', 'Supervision phone'),
  categories: l('执法类别', 'Categories'),
  area: l('执法区域', 'Area'),
  agency: l('执法主体', 'Agency'),
  division: l('执法机构', 'Division'),
  name: l('姓名', 'Name'),
  certificateNumber: l('执法证号', 'Certificate no.'),
  validity: l('有效期', 'Validity'),
  issuedOn: l('发证日期', 'Issued'),
  expiresOn: l('有效期至', 'Expires'),
  status: l('状态', 'Status'),
  photo: l('照片', 'Photo'),
  searchTitle: l('执法证件查询', 'Certificate search'),
  searchPlaceholder: l('输入姓名或执法证号', 'Name or certificate number'),
  searchButton: l('查询', 'Search'),
  searchHint: l('请输入至少 2 个字符', 'Enter at least 2 characters'),
  searchTooLong: l('查询内容不超过 50 个字符', 'At most 50 characters'),
  searchInvalid: l('查询内容含有无效字符', 'The query contains invalid characters'),
  noResults: l('未找到符合条件的执法人员', 'No officer matches'),
  truncated: l('仅显示前 50 条结果，请输入更完整的姓名或证号', 'Only the first 50 results are shown; refine the query'),
  results: l('查询结果', 'Results'),
  verifyTitle: l('执法证件核验', 'Certificate verification'),
  verifyAsOf: l('核验日期', 'Checked on'),
  verifyNotFound: l(
    '未找到该执法证件。请核对证号；如对执法人员身份有疑问，请拨打执法主体的监督电话。',
    'No such certificate. Check the number; if in doubt, call the agency’s supervision phone.',
  ),
  verifyValidNote: l('该执法证件今日有效', 'This certificate is valid today'),
  verifyInvalidNote: l('该执法证件今日无效，持证人不得从事执法活动', 'This certificate is not valid today; its holder may not enforce'),
  throttledTitle: l('查询过于频繁', 'Too many checks'),
  throttledNote: l('您在短时间内核验的证件过多，请一分钟后再试。', 'You checked too many certificates in a short time; try again in a minute.'),
  qrCaption: l('扫码核验本证件', 'Scan to verify this certificate'),
  until: l('至', 'to'),
  colon: l('：', ': '),
  /** Each language's name in itself, for the switch in the header. */
  languageName: l('中文', 'English'),
  footer: l(
    '本平台公示信息由各行政执法主体提供并负责更新',
    'Published by the enforcement agencies, who keep it up to date',
  ),
} satisfies Record<string, Label>;
