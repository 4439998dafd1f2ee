/**
 * The laws as sources/legal-sources.md quotes them, structured (sources/laws.json, made by
 * `npm run sources`): one entry per law and version, its articles in order, each article's
 * paragraphs (款) with their items (项).
 */
import { parseChineseNumeral } from './chinese-numerals';

/** sources/laws.json. */
export interface LawBook {
  $comment: string;
  laws: LawText[];
}

/** One law in one version: a `## 一、《…》（…）` section of legal-sources.md. */
export interface LawText {
  /** The law's name without 《》: 中华人民共和国传染病防治法. */
  law: string;
  /** The section heading's version note as written: 2025年4月30日修订，2025年9月1日起施行. */
  version: string;
  /** The year of this text (2013, 2025, 2007, 2024, 2011, 2003, 1998): what a drill's `legalFramework` names. */
  year: number;
  /** The dates (YYYY-MM-DD) that name this text — passed, revised, in force — never when a later text replaced it. */
  dates: string[];
  /** Every year those same clauses name, with or without a month and day. */
  years: number[];
  articles: Article[];
}

export interface Article {
  /** 第六十三条 */
  article: string;
  paragraphs: Paragraph[];
}

/** A paragraph (款) and the items (项, lines starting （一） or (一)) that belong to it, in order. */
export interface Paragraph {
  text: string;
  items: string[];
}

/**
 * The paragraph with its items, one per line: the text a quote cited by paragraph must stand in
 * (an item is part of its paragraph, so a quote may run from one item into the next).
 */
export function paragraphText(paragraph: Paragraph): string {
  return [paragraph.text, ...paragraph.items].join('\n');
}

/** （六）限制… or (六)限制… → 6: an item's number, from the label it starts with. */
export function itemNumber(item: string): number | null {
  const label = /^[（(]([一二三四五六七八九十]+)[）)]/.exec(item)?.[1];
  return label === undefined ? null : parseChineseNumeral(label);
}
