import type { DemoCounsel } from './types.js';

/** L15: legal advisers and public-sector lawyers; all invented, firm names included. */
export const demoCounsel: readonly DemoCounsel[] = [
  {
    key: 'counsel-01', agencyKey: 'chuxiong-science', name: '王慧', kind: 'public_sector_lawyer',
    organisation: '楚雄彝族自治州司法局', phone: '0878-3124588', specialties: '行政许可、外国人来华工作许可',
    generated: true,
  },
  {
    key: 'counsel-02', agencyKey: 'chuxiong-industry', name: '张明远', kind: 'legal_adviser',
    organisation: '云南紫溪律师事务所', phone: '0878-3215630', specialties: '行政处罚、行政强制、企业合规',
    generated: true,
  },
  {
    key: 'counsel-03', agencyKey: 'diqing-commerce', name: '次仁央宗', kind: 'legal_adviser',
    organisation: '云南雪域律师事务所', phone: '0887-8286412', specialties: '商务行政执法、合同纠纷',
    generated: true,
  },
  {
    key: 'counsel-04', agencyKey: 'qilin-approval', name: '邓立群', kind: 'public_sector_lawyer',
    organisation: '曲靖市麒麟区司法局', phone: '0874-3122641', specialties: '行政许可、政府信息公开',
    generated: true,
  },
  {
    key: 'counsel-05', agencyKey: 'qilin-approval', name: '陆海峰', kind: 'outside_lawyer',
    organisation: '云南珠源律师事务所', phone: '0874-3358207', specialties: '行政复议、行政诉讼',
    generated: true,
  },
  {
    key: 'counsel-06', agencyKey: 'shuocheng-science', name: '温志强', kind: 'legal_adviser',
    organisation: '山西桑干河律师事务所', phone: '0349-2039186', specialties: '行政执法程序、科技项目合同',
    generated: true,
  },
];
