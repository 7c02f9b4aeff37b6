// Chinese numerals as narratives write counts: 二、十二、二十、一百零三、两千、三万五千. Returns null for anything that
// is not a well-formed number (so that words like 万一 are not read as numbers).
const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

function below10000(s: string): number | null {
  if (s === '') return 0;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10000;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[ch] !== 0) return null; // 二三 is not a number
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      const unit = UNITS[ch];
      if (unit >= lastUnit) return null;
      // 十二 starts with the unit: one ten.
      total += (digit === null ? (unit === 10 && total === 0 ? 1 : NaN) : digit) * unit;
      if (Number.isNaN(total)) return null;
      digit = null;
      lastUnit = unit;
    } else return null;
  }
  if (digit !== null) total += digit;
  return total;
}

export function parseChineseNumeral(s: string): number | null {
  if (s === '' || s === '万') return null;
  const parts = s.split('万');
  if (parts.length > 2) return null;
  if (parts.length === 2) {
    const high = below10000(parts[0]);
    const low = below10000(parts[1]);
    if (high === null || low === null || parts[0] === '') return null;
    return high * 10000 + low;
  }
  return below10000(s);
}
