/**
 * A reference's `article`, read: 第六十三条, 第六十三条第一款, 第九十五条第（六）项,
 * 第六十三条第一款第（一）项 (the parentheses round an item's number may be left out).
 */
import { chineseNumeral, parseChineseNumeral } from './chinese-numerals';

export interface Citation {
  /** The article's number: 63. */
  article: number;
  /** The paragraph (款) named, from 1. */
  paragraph?: number;
  /** The item (项) named, from 1. */
  item?: number;
  /** Whether the item was written 第（六）项 rather than 第六项, so a suggested fix keeps the author's style. */
  itemInParentheses: boolean;
}

const CITATION =
  /^第([零一二三四五六七八九十百\d]+)条(?:第([一二三四五六七八九十\d]+)款)?(?:第([（(])?([一二三四五六七八九十\d]+)[）)]?项)?$/;

/** Null when `article` is not written in one of the forms above. */
export function parseCitation(article: string): Citation | null {
  const m = CITATION.exec(article.trim().replace(/\s+/g, ''));
  if (!m) return null;
  const number = parseChineseNumeral(m[1] as string);
  if (number === null) return null;
  // An author who wrote 第六项 gets fixes in that style; otherwise items are cited 第（六）项, as the laws do.
  const citation: Citation = { article: number, itemInParentheses: m[4] === undefined || m[3] !== undefined };
  if (m[2] !== undefined) {
    const paragraph = parseChineseNumeral(m[2]);
    if (paragraph === null) return null;
    citation.paragraph = paragraph;
  }
  if (m[4] !== undefined) {
    const item = parseChineseNumeral(m[4]);
    if (item === null) return null;
    citation.item = item;
  }
  return citation;
}

/** 第六十三条 → 63 */
export function articleNumber(label: string): number | null {
  const m = /^第([零一二三四五六七八九十百\d]+)条$/.exec(label);
  return m ? parseChineseNumeral(m[1] as string) : null;
}

/**
 * How to cite a place in an article: its paragraph is named only when the article has more than
 * one (第十条 rather than 第十条第一款), as the laws themselves cite.
 */
export function formatCitation(
  article: string,
  paragraphCount: number,
  place: { paragraph?: number; item?: number },
  itemInParentheses = true,
): string {
  let out = article;
  if (place.paragraph !== undefined && paragraphCount > 1) out += `第${chineseNumeral(place.paragraph)}款`;
  if (place.item !== undefined) {
    const n = chineseNumeral(place.item);
    out += itemInParentheses ? `第（${n}）项` : `第${n}项`;
  }
  return out;
}
