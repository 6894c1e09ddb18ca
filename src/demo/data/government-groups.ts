import type { DemoGovernmentLeadingGroup } from './types.js';

/**
 * Seed 001's prefecture-wide group (迪政办发〔2019〕69号 附件), by position; its office sits in the
 * prefecture justice bureau. Kept apart from agency groups because its members span many bodies.
 */
export const demoGovernmentLeadingGroups: readonly DemoGovernmentLeadingGroup[] = [
  {
    key: 'diqing-three-systems',
    name: '迪庆州全面推行“三项制度”工作领导小组',
    regionCode: '533400',
    establishedBy: '迪政办发〔2019〕69号',
    establishedOn: '2019-08-22',
    officeJusticeBureauKey: 'diqing-justice',
    officeDirector: { organisation: '州司法局', title: '副局长' },
    successionRule: '州全面推行“三项制度”工作领导小组成员如有变动，由担任相应职务的同志自行递补，报州司法局备案，不再另行发文。',
    members: [
      { role: 'leader', organisation: '州人民政府', title: '副州长、州公安局局长' },
      { role: 'deputy_leader', organisation: '州人民政府', title: '副秘书长、州信访局局长' },
      { role: 'deputy_leader', organisation: '州司法局', title: '局长' },
      { role: 'member', organisation: '州政府办公室', title: '副主任' },
      { role: 'member', organisation: '州委编办', title: '副主任' },
      { role: 'member', organisation: '州委组织部', title: '州委副处级组织员、部务委员' },
      { role: 'member', organisation: '州发展改革委', title: '副主任' },
      { role: 'member', organisation: '州工业和信息化局', title: '副局长' },
      { role: 'member', organisation: '州司法局', title: '副局长' },
      { role: 'member', organisation: '州财政局', title: '副局长' },
      { role: 'member', organisation: '州人力资源社会保障局', title: '副局长' },
      { role: 'member', organisation: '州市场监管局', title: '副局长' },
      { role: 'member', organisation: '州政务服务局', title: '副局长' },
    ],
  },
];
