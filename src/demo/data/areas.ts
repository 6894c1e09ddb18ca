/** Each body's area of competence (管辖区域), named after its region; shared by an agency and its justice bureau. */
export const CX_AREA = '楚雄彝族自治州行政区域';
export const DQ_AREA = '迪庆藏族自治州行政区域';
export const QL_AREA = '曲靖市麒麟区行政区域';
export const SC_AREA = '朔州市朔城区行政区域';
