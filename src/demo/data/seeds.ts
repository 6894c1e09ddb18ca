import type { DemoSeed, DemoRegion } from './types.js';

// ---------------------------------------------------------------------------------------------
// Seeds and regions
// ---------------------------------------------------------------------------------------------

export const demoSeeds: readonly DemoSeed[] = [
  {
    id: '000',
    file: '000_060b640813a1950e.txt',
    issuer: '楚雄彝族自治州科学技术局',
    title: '楚雄州科学技术局全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度的实施方案',
    issuedOn: '2019-07-02',
  },
  {
    id: '001',
    file: '001_4e6822aa8f7709c0.txt',
    issuer: '迪庆藏族自治州商务局',
    title: '迪庆州商务局关于转发《迪庆州全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度的实施方案》的通知',
    issuedOn: '2019-10-25',
  },
  {
    id: '002',
    file: '002_3e802a87db622e4c.txt',
    issuer: '楚雄彝族自治州工业和信息化局',
    title: '楚雄州工业和信息化局关于印发行政执法公示实施办法、行政执法全过程记录实施办法（试行）、重大行政执法决定法制审核办法（试行）的通知',
    issuedOn: null,
  },
  {
    id: '003',
    file: '003_65e027495edb26cb.txt',
    issuer: '曲靖市麒麟区行政审批局',
    title: '曲靖市麒麟区行政审批局全面推行行政执法公示制度执法全过程记录制度重大行政执法决定法制审核制度实施方案',
    issuedOn: null,
  },
  {
    id: '004',
    file: '004_40b128358af67efb.txt',
    issuer: '朔州市朔城区科学技术局',
    title: '朔州市朔城区科学技术局全面推行行政执法三项制度工作实施方案',
    issuedOn: null,
  },
];

/** GB/T 2260 codes in force; townships are left out rather than guessed. */
export const demoRegions: readonly DemoRegion[] = [
  { code: '530000', name: '云南省', level: 'province', parentCode: null },
  { code: '532300', name: '楚雄彝族自治州', level: 'prefecture', parentCode: '530000' },
  { code: '532301', name: '楚雄市', level: 'county', parentCode: '532300' },
  { code: '533400', name: '迪庆藏族自治州', level: 'prefecture', parentCode: '530000' },
  { code: '533401', name: '香格里拉市', level: 'county', parentCode: '533400' },
  { code: '530300', name: '曲靖市', level: 'prefecture', parentCode: '530000' },
  { code: '530302', name: '麒麟区', level: 'county', parentCode: '530300' },
  { code: '140000', name: '山西省', level: 'province', parentCode: null },
  { code: '140600', name: '朔州市', level: 'prefecture', parentCode: '140000' },
  { code: '140602', name: '朔城区', level: 'county', parentCode: '140600' },
];
