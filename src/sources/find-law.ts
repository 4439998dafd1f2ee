/**
 * Finding what a law reference names in the structured laws: the law by its name, the version by
 * the dates or years of its note, the article by its number, and where in the article a quote
 * stands. Shared by the quote checker and the app's full-text view, so both read a citation alike.
 */
import { articleNumber, type Citation, parseCitation } from './citation';
import { type Article, itemNumber, type LawText, type Paragraph, paragraphText } from './law-text';
import { namesVersion, versionMarks } from './version-marks';

export interface LawReference {
  law: string;
  version: string;
  article: string;
  quote: string;
}

/** A place in an article: a paragraph (from 1) and, when the place lies within one item, that item's number. */
export interface Place {
  paragraph: number;
  item?: number;
}

export interface Found extends Place {
  text: LawText;
  article: Article;
}

const bare = (name: string) => name.replace(/[《》\s]/g, '');

/**
 * Every version of the law a reference names. A shorter name (传染病防治法) finds the full one
 * (中华人民共和国传染病防治法); an exact name wins over the laws it is part of.
 */
export function lawsNamed(laws: readonly LawText[], name: string): LawText[] {
  const wanted = bare(name);
  if (wanted === '') return [];
  const exact = laws.filter((t) => t.law === wanted);
  return exact.length > 0 ? exact : laws.filter((t) => t.law.includes(wanted));
}

/** The versions among `texts` whose dates and years the note gives. */
export function versionsNamed(texts: readonly LawText[], note: string): LawText[] {
  const marks = versionMarks(note);
  return texts.filter((t) => namesVersion(marks, t));
}

export function findArticle(text: LawText, number: number): Article | undefined {
  return text.articles.find((a) => articleNumber(a.article) === number);
}

/** Where `quote` stands verbatim in the article: the first paragraph holding it, and the item if it lies within one. */
export function placeInArticle(article: Article, quote: string): Place | null {
  // Without a line break the quote cannot run from one line into the next: look line by line, joining nothing.
  const within = quote.includes('\n')
    ? (p: Paragraph) => paragraphText(p).includes(quote)
    : (p: Paragraph) => p.text.includes(quote) || p.items.some((it) => it.includes(quote));
  for (const [i, p] of article.paragraphs.entries()) {
    if (!within(p)) continue;
    const item = p.items.find((it) => it.includes(quote));
    const n = item === undefined ? null : itemNumber(item);
    return n === null ? { paragraph: i + 1 } : { paragraph: i + 1, item: n };
  }
  return null;
}

/** The first place, in these texts' order, where `quote` stands verbatim. */
export function findVerbatim(texts: readonly LawText[], quote: string): Found | null {
  for (const text of texts) {
    for (const article of text.articles) {
      const place = placeInArticle(article, quote);
      if (place) return { text, article, ...place };
    }
  }
  return null;
}

export interface CitedArticle {
  text: LawText;
  article: Article;
  citation: Citation;
  /** What to show as cited: the paragraph and item named, else where the quote stands; null when neither is known. */
  cited: Place | null;
}

/** The article a reference cites, in the version it names, for showing in full; null when the sources lack it. */
export function citedArticle(laws: readonly LawText[], ref: LawReference): CitedArticle | null {
  const citation = parseCitation(ref.article);
  if (!citation) return null;
  for (const text of versionsNamed(lawsNamed(laws, ref.law), ref.version)) {
    const article = findArticle(text, citation.article);
    if (!article) continue;
    const named: Place | null =
      citation.paragraph !== undefined
        ? { paragraph: citation.paragraph, ...(citation.item !== undefined && { item: citation.item }) }
        : citation.item !== undefined
          ? itemPlace(article, citation.item)
          : null;
    const valid = named && named.paragraph <= article.paragraphs.length ? named : null;
    return { text, article, citation, cited: valid ?? placeInArticle(article, ref.quote) };
  }
  return null;
}

/** 第九十五条第（八）项 names no paragraph: the item's paragraph is the one that has it. */
function itemPlace(article: Article, item: number): Place | null {
  const i = article.paragraphs.findIndex((p) => p.items.some((it) => itemNumber(it) === item));
  return i < 0 ? null : { paragraph: i + 1, item };
}
