/**
 * Whether a reference quotes its source verbatim: a law under the law, version, article, paragraph
 * (款) and item (项) it names; the lecture word for word, punctuation included. Pure: the laws
 * (sources/laws.json) and the lecture's text are passed in, so the same check runs in
 * `npm run validate`, in the tests and anywhere else.
 */
import { chineseNumeral } from './chinese-numerals';
import { type Citation, formatCitation, parseCitation } from './citation';
import {
  type Found,
  findArticle,
  findVerbatim,
  type LawReference,
  lawsNamed,
  type Place,
  placeInArticle,
  versionsNamed,
} from './find-law';
import { type Article, itemNumber, type LawText, paragraphText } from './law-text';
import { firstDifference, nearestPassage } from './nearest-passage';

export type QuotedReference = ({ kind: 'law' } & LawReference) | { kind: 'lecture'; quote: string };

export interface Sources {
  laws: readonly LawText[];
  lecture: string;
}

export interface QuoteMismatch {
  /** What is wrong, where the text really is or what comes nearest, and how to fix it: one line of Chinese. */
  message: string;
  /** The passage of the sources nearest to the quote (a paragraph or item of a law, or the lecture's words), if one came near. */
  nearest: { where: string; text: string } | null;
}

/** Null when the quote stands verbatim where the reference says; otherwise what is wrong. */
export function checkQuote(ref: QuotedReference, sources: Sources): QuoteMismatch | null {
  // Every text holds the empty string: an empty quote would pass anywhere.
  if (ref.quote.trim() === '') return mismatch('引文是空的：逐字抄入所引的原文。');
  return ref.kind === 'lecture' ? checkLectureQuote(ref.quote, sources.lecture) : checkLawQuote(ref, sources.laws);
}

const LECTURE = '讲稿（sources/lecture.txt）';
const CITATION_FORMS = '写成“第六十三条”“第六十三条第一款”“第九十五条第（六）项”或“第六十三条第一款第（一）项”';

function checkLectureQuote(quote: string, lecture: string): QuoteMismatch | null {
  if (lecture.includes(quote)) return null;
  const lines = lecture
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((text) => ({ text }));
  const near = nearestPassage(quote, lines);
  if (!near) {
    return mismatch(`引文不在${LECTURE}中，也没有相近的段落${ellipsisHint(quote)}：从讲稿中逐字复制原文。`);
  }
  const { text } = near.passage;
  const span = text.slice(Math.max(0, near.offset), Math.max(0, near.offset + quote.length));
  return {
    message: oneLine(
      `引文与${LECTURE}不一致${differenceNote(quote, text, near.offset)}。讲稿中最接近的是“${excerpt(span)}”${ellipsisHint(quote)}：照讲稿逐字改正，标点的全角、半角也照原样。`,
    ),
    nearest: { where: '讲稿', text: span },
  };
}

function checkLawQuote(ref: LawReference, laws: readonly LawText[]): QuoteMismatch | null {
  const { quote } = ref;
  const citation = parseCitation(ref.article);
  if (!citation) return mismatch(`条款“${ref.article}”的写法认不出：${CITATION_FORMS}。`);

  const named = lawsNamed(laws, ref.law);
  if (named.length === 0) {
    const names = [...new Set(laws.map((t) => `《${t.law}》`))].join('、');
    return mismatch(
      `sources/legal-sources.md 没有收录《${ref.law.replace(/[《》]/g, '')}》：检查法律名称（收录的有${names}）。${foundNote(findVerbatim(laws, quote))}`,
    );
  }

  const versions = versionsNamed(named, ref.version);
  if (versions.length === 0) {
    const listed = named.map((t) => ` ${t.year} 年文本（${t.version}）`).join('、');
    return mismatch(
      `《${named[0]?.law}》没有与“${ref.version}”相符的版本，收录的是${listed}：version 写明所引文本的日期，如“${named[0]?.version.split(/[；;]/)[0]}”。${foundNote(findVerbatim(named, quote))}`,
    );
  }

  const cited = versions.flatMap((text) => {
    const article = findArticle(text, citation.article);
    return article ? [{ text, article }] : [];
  });
  const version = versions[0] as LawText;
  const title = `《${version.law}》${version.year} 年文本`;
  if (cited.length === 0) {
    const what = `${title}没有${ref.article.replace(/条.*$/, '条')}（或 sources 未摘录这一条）`;
    return elsewhere(quote, citation, version, named, what) ?? nearestInLaw(quote, what, version);
  }

  const holding = cited.find(({ article }) => placeInArticle(article, quote) !== null);
  if (!holding) {
    const { article } = cited[0] as { article: Article };
    const what = `引文不在${title}${article.article}中`;
    return (
      elsewhere(quote, citation, version, named, what) ??
      nearestInArticle(quote, article, citation, version) ??
      nearestInLaw(quote, `${what}，这一条里也没有相近的文字`, version)
    );
  }
  return checkPlace(ref, citation, holding.article);
}

/** The quote is in the article: is it in the paragraph and item named? */
function checkPlace(ref: LawReference, citation: Citation, article: Article): QuoteMismatch | null {
  const { quote } = ref;
  const count = article.paragraphs.length;
  const where = placeInArticle(article, quote) as Place;
  /** How a place is cited; a paragraph the author named is always said, even in a one-paragraph article. */
  const cite = (place: { paragraph?: number; item?: number }, named = false) =>
    formatCitation(article.article, named ? 2 : count, place, citation.itemInParentheses);
  const fix = (place: Place) => `把 article 改为“${cite(place)}”`;

  if (citation.paragraph !== undefined) {
    const paragraph = article.paragraphs[citation.paragraph - 1];
    if (!paragraph) {
      return mismatch(
        `${article.article}只有 ${count} 款，没有第${chineseNumeral(citation.paragraph)}款；引文在${cite(where, true)}：${fix(where)}。`,
      );
    }
    if (!paragraphText(paragraph).includes(quote)) {
      return mismatch(
        `引文在${cite(where, true)}，不在${cite({ paragraph: citation.paragraph }, true)}：${fix(where)}。`,
      );
    }
  }
  if (citation.item === undefined) return null;

  const inScope = article.paragraphs
    .map((p, i) => ({ p, paragraph: i + 1 }))
    .filter(({ paragraph }) => citation.paragraph === undefined || paragraph === citation.paragraph);
  const items = inScope.flatMap(({ p }) => p.items.filter((it) => itemNumber(it) === citation.item));
  const namedItem = cite(
    { ...(citation.paragraph !== undefined && { paragraph: citation.paragraph }), item: citation.item },
    citation.paragraph !== undefined,
  );
  if (items.length === 0) return mismatch(`${namedItem}不存在；引文在${cite(where, true)}：${fix(where)}。`);
  if (items.some((it) => it.includes(quote))) return null;
  return mismatch(
    where.item !== undefined
      ? `引文在${cite(where, true)}，不在${namedItem}：${fix(where)}。`
      : `引文在${cite({ paragraph: where.paragraph }, true)}，但不全在${namedItem}之内：只引这一项的文字，或${fix({ paragraph: where.paragraph })}。`,
  );
}

/**
 * The quote is not where the reference says, but verbatim elsewhere: in another article of the
 * version named, or in another version of the law (the 2013 text cited as 2025, say).
 */
function elsewhere(
  quote: string,
  citation: Citation,
  version: LawText,
  named: LawText[],
  what: string,
): QuoteMismatch | null {
  const inVersion = findVerbatim([version], quote);
  if (inVersion) {
    const { article } = inVersion;
    const at = formatCitation(article.article, article.paragraphs.length, inVersion, citation.itemInParentheses);
    return mismatch(`${what}；它在${at}：把 article 改为“${at}”。`);
  }
  const inOther = findVerbatim(
    named.filter((t) => t !== version),
    quote,
  );
  if (inOther) {
    return mismatch(
      `${what}；它出自${describeFound(inOther)}，不是 ${version.year} 年文本：改为引用 ${version.year} 年文本中的相应条文，或把 version 改为“${inOther.text.version.split(/[；;]/)[0]}”。`,
    );
  }
  return null;
}

function describeFound(found: Found): string {
  const at = formatCitation(found.article.article, found.article.paragraphs.length, found);
  return `《${found.text.law}》${found.text.year} 年文本${at}`;
}

function foundNote(found: Found | null): string {
  return found ? `这段文字见于${describeFound(found)}。` : '';
}

interface Unit {
  text: string;
  where: string;
}

/** An article's paragraphs and items, each one line, for finding the nearest. */
function unitsOf(article: Article, itemInParentheses = true): Unit[] {
  const count = article.paragraphs.length;
  return article.paragraphs.flatMap((p, i) => [
    { text: p.text, where: formatCitation(article.article, count, { paragraph: i + 1 }) },
    ...p.items.map((text) => {
      const item = itemNumber(text);
      const place = item === null ? { paragraph: i + 1 } : { paragraph: i + 1, item };
      return { text, where: formatCitation(article.article, count, place, itemInParentheses) };
    }),
  ]);
}

function nearestInArticle(quote: string, article: Article, citation: Citation, version: LawText): QuoteMismatch | null {
  const near = nearestPassage(quote, unitsOf(article, citation.itemInParentheses));
  if (!near) return null;
  const { text, where } = near.passage;
  return {
    message: oneLine(
      `引文与《${version.law}》${version.year} 年文本${where}的原文不一致${differenceNote(quote, text, near.offset)}。原文是“${excerpt(text, near.offset + quote.length)}”${ellipsisHint(quote)}：照原文逐字改正，标点的全角、半角也照原样。`,
    ),
    nearest: { where, text },
  };
}

function nearestInLaw(quote: string, what: string, version: LawText): QuoteMismatch {
  const near = nearestPassage(
    quote,
    version.articles.flatMap((a) => unitsOf(a)),
  );
  if (!near) return mismatch(`${what}；本版本中也没有相近的文字${ellipsisHint(quote)}：检查条文号和引文。`);
  const { text, where } = near.passage;
  return {
    message: oneLine(
      `${what}。本版本最接近的是${where}：“${excerpt(text, near.offset + quote.length)}”${ellipsisHint(quote)}：检查条文号，并照原文逐字引用。`,
    ),
    nearest: { where, text },
  };
}

const mismatch = (message: string): QuoteMismatch => ({ message: oneLine(message), nearest: null });

/** Messages are one line each (validate prints one line per problem). */
const oneLine = (s: string) => s.replace(/\r?\n/g, '↵');

const MAX_EXCERPT = 160;

/** A passage to show: whole when short, else the part up to `end` (where the quote's alignment ends). */
function excerpt(text: string, end = text.length): string {
  if (text.length <= MAX_EXCERPT) return text;
  const stop = Math.min(text.length, Math.max(MAX_EXCERPT, end));
  const start = Math.max(0, stop - MAX_EXCERPT);
  return `${start > 0 ? '…' : ''}${text.slice(start, stop)}${stop < text.length ? '…' : ''}`;
}

/** Full-width punctuation and its half-width twin: a quote that swaps one for the other is not verbatim. */
const WIDTH_TWINS: Record<string, string> = {
  '，': ',',
  '。': '.',
  '；': ';',
  '：': ':',
  '！': '!',
  '？': '?',
  '（': '(',
  '）': ')',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '　': ' ',
};

function describeChar(c: string): string {
  if (c === ' ') return '空格';
  if (c === '\u3000') return '全角空格';
  if (c === '\n') return '换行';
  if (c === '\t') return '制表符';
  return `“${c}”`;
}

function widthNote(a: string, b: string): string {
  const kind = (c: string) => (c in WIDTH_TWINS ? '全角' : '半角');
  const twins = WIDTH_TWINS[a] === b || WIDTH_TWINS[b] === a;
  return twins ? `（引文用的是${kind(a)}${describeChar(a)}，原文是${kind(b)}${describeChar(b)}）` : '';
}

/** Where the quote first parts from the source at the alignment found, said so an author can find it. */
function differenceNote(quote: string, source: string, offset: number): string {
  const d = firstDifference(quote, source, offset);
  if (!d) return '';
  const at = offset + d.at;
  if (d.sourceChar === null) {
    return at < 0
      ? `：引文开头的“${quote.slice(0, -offset)}”原文里没有`
      : `：原文到“${source.slice(Math.max(0, source.length - 8))}”就结束了，引文多出“${quote.slice(d.at, d.at + 12)}”`;
  }
  const context = source.slice(Math.max(0, at - 6), at + 10);
  return `：引文第 ${d.at + 1} 个字${describeChar(d.quoteChar)}，原文作${describeChar(d.sourceChar)}${widthNote(d.quoteChar, d.sourceChar)}，原文此处是“${context}”`;
}

function ellipsisHint(quote: string): string {
  return /……|…|\.\.\./.test(quote)
    ? '（依据须是一段连续的原文，不能用省略号跳过文字：删去省略号，或分成几条依据）'
    : '';
}
