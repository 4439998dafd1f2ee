/**
 * Chinese numerals as laws number their articles, paragraphs and items: 一 to 九百九十九
 * (第一百零一条, 第十六条, 第（六）项). Arabic digits are read too, since an author may write 第63条.
 */

const DIGITS = '零一二三四五六七八九';

/** 一百零一 → 101, 十六 → 16, 63 → 63; null for anything else. */
export function parseChineseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零一二三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      digit = d;
      continue;
    }
    // 十 and 百 multiply the digit before them; a bare 十 (as in 十六) stands for 一十.
    const unit = ch === '十' ? 10 : 100;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  if (digit > 0) total += digit;
  return total > 0 ? total : null;
}

/** 101 → 一百零一, 16 → 十六, 20 → 二十 (1–999), the way the laws write them. */
export function chineseNumeral(n: number): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) out += hundreds === 0 && tens === 1 ? '十' : `${DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones];
  return out;
}
