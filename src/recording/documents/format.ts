import { chinaDate } from '../../platform/clock.js';

/** 2026年11月22日 — an instant's calendar date in China time. */
export function chineseDate(instant: Date): string {
  return isoDateToChinese(chinaDate(instant));
}

/** "2026-11-02" → 2026年11月2日 */
export function isoDateToChinese(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A date-time as typed by an officer, in China time: "2026-11-22T09:30" (local, taken as typed) or
 * with an offset ("…Z", "…+08:00", converted) → 2026年11月22日9时30分.
 */
export function chineseDateTime(value: string): string {
  let local = value;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) local = new Date(new Date(value).getTime() + 8 * 3600_000).toISOString();
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return value;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日${Number(m[4])}时${m[5]}分`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/**
 * 人民币大写金额, as written on decisions and receipts: 3000 → 叁仟元整, 10050.5 → 壹万零伍拾元伍角,
 * 1.05 → 壹元零伍分. Below one trillion (10¹²) yuan.
 */
export function rmbUppercase(amount: number): string {
  const cents = Math.round(amount * 100);
  if (!Number.isFinite(amount) || cents < 0 || cents >= 1e14) throw new RangeError(`amount out of range: ${amount}`);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  let out = '';
  if (yuan > 0) {
    const digits = String(yuan);
    let zeroPending = false;
    for (let i = 0; i < digits.length; i++) {
      const d = Number(digits[i]);
      const pos = digits.length - 1 - i;
      if (d === 0) {
        zeroPending = out.length > 0;
      } else {
        if (zeroPending) out += '零';
        zeroPending = false;
        out += DIGITS[d] + IN_GROUP[pos % 4]!;
      }
      // Close a group (万, 亿) that has any digit.
      if (pos % 4 === 0 && pos > 0) {
        const group = digits.slice(Math.max(0, i - 3), i + 1);
        if (Number(group) > 0) out += GROUPS[pos / 4]!;
      }
    }
    out += '元';
  }
  if (jiao === 0 && fen === 0) return (out || '零元') + '整';
  if (jiao > 0) out += DIGITS[jiao] + '角';
  else if (yuan > 0) out += '零';
  if (fen > 0) out += DIGITS[fen] + '分';
  return out;
}

/** 人民币3,000.00元（大写：叁仟元整） */
export function rmb(amount: number): string {
  const figures = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `人民币${figures}元（大写：${rmbUppercase(amount)}）`;
}
