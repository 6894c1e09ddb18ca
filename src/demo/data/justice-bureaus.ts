import type { DemoJusticeBureau } from './types.js';
import { BODY_GENERATED, organCreditCode } from './builders.js';
import { CX_AREA, DQ_AREA, QL_AREA, SC_AREA } from './areas.js';

function justiceBureau(spec: Omit<DemoJusticeBureau, 'kind' | 'creditCode' | 'generatedFields'>): DemoJusticeBureau {
  return {
    ...spec,
    kind: 'justice_bureau',
    creditCode: organCreditCode(spec.key, spec.regionCode),
    generatedFields: BODY_GENERATED,
  };
}

/** The justice bureaus that confirm and supervise the five agencies (P13, S1). */
export const demoJusticeBureaus: readonly DemoJusticeBureau[] = [
  justiceBureau({
    key: 'chuxiong-justice',
    name: '楚雄彝族自治州司法局',
    shortName: '楚雄州司法局',
    regionCode: '532300',
    level: 'prefecture',
    headName: '龙正华',
    address: '云南省楚雄彝族自治州楚雄市鹿城西路36号',
    phone: '0878-3124580',
    supervisionPhone: '0878-3124599',
    area: CX_AREA,
  }),
  justiceBureau({
    key: 'diqing-justice',
    name: '迪庆藏族自治州司法局',
    shortName: '迪庆州司法局',
    regionCode: '533400',
    level: 'prefecture',
    headName: '扎西尼玛',
    address: '云南省迪庆藏族自治州香格里拉市建塘镇池慈卡街12号',
    phone: '0887-8225106',
    supervisionPhone: '0887-8225118',
    area: DQ_AREA,
  }),
  justiceBureau({
    key: 'qilin-justice',
    name: '曲靖市麒麟区司法局',
    shortName: '麒麟区司法局',
    regionCode: '530302',
    level: 'county',
    headName: '孙立新',
    address: '云南省曲靖市麒麟区南宁西路85号',
    phone: '0874-3122615',
    supervisionPhone: '0874-3122630',
    area: QL_AREA,
  }),
  justiceBureau({
    key: 'shuocheng-justice',
    name: '朔州市朔城区司法局',
    shortName: '朔城区司法局',
    regionCode: '140602',
    level: 'county',
    headName: '冯国栋',
    address: '山西省朔州市朔城区民福东街21号',
    phone: '0349-2185027',
    supervisionPhone: '0349-2185039',
    area: SC_AREA,
  }),
];
