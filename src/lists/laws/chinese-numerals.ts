/**
 * Chinese numerals as article numbers use them: 第一条 … 第九十九条, 第一百条, 第一百零一条, 第一百一十九条,
 * 第二百条 (and 第一千… for long codes). Only the characters 零一二三四五六七八九十百千 appear.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The number a Chinese numeral writes, or null when it is not one (empty, or another character). */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      // 十 alone at the start is 一十 (十二 = 12); elsewhere a unit multiplies the digit before it.
      total += (digit ?? (total === 0 ? 1 : 0)) * UNITS[ch]!;
      if (digit === null && total !== UNITS[ch]) return null; // 百十 — a unit with no digit mid-number
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** 51 → 五十一, 101 → 一百零一, 119 → 一百一十九 (the form article numbers are printed in). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`not an article number: ${n}`);
  const names = '零一二三四五六七八九';
  const parts: string[] = [];
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let zero = false;
  for (const [value, unit] of units) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (parts.length) zero = true;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    parts.push(d === 1 && unit === '十' && !parts.length ? '' : names[d]!, unit);
  }
  return parts.join('');
}
