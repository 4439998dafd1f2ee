/**
 * The passage of the sources nearest to a quote that is not in them verbatim, and where the two
 * first part. Runs for every wrong quote of every drill, so it is linear in the text searched: the
 * quote's character pairs are indexed once, and each passage votes for the alignments at which
 * its pairs meet the quote's. The alignment with the most votes is the longest common run of text,
 * allowing for a changed character or two — what an author who mistyped a quote meant.
 */

export interface Alignment<P> {
  passage: P;
  /** Where the quote's first character falls in the passage (negative when the quote starts earlier). */
  offset: number;
  /** How many of the quote's character pairs meet the passage at that alignment. */
  score: number;
}

/** Fewer shared pairs than this share of the quote's is a coincidence of common words, not a passage it came from. */
const MIN_SHARE = 0.25;

/** A character pair as one number (two UTF-16 units), so indexing allocates no strings. */
const pairAt = (text: string, i: number) => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

const charAt = (text: string, i: number) => text.charCodeAt(i);

function gramsOf(quote: string) {
  // A one-character quote has no pairs: match it by its character.
  const size = quote.length >= 2 ? 2 : 1;
  const gram = size === 2 ? pairAt : charAt;
  const index = new Map<number, number[]>();
  for (let i = 0; i + size <= quote.length; i++) {
    const g = gram(quote, i);
    const at = index.get(g);
    if (at) at.push(i);
    else index.set(g, [i]);
  }
  return { size, gram, index };
}

/** The passage whose best alignment with the quote has the most votes (the shorter on a tie), or null if none comes near. */
export function nearestPassage<P extends { text: string }>(quote: string, passages: readonly P[]): Alignment<P> | null {
  const { size, gram, index } = gramsOf(quote);
  const grams = quote.length - size + 1;
  if (grams <= 0) return null;
  let votes = new Uint32Array(0);
  let best: Alignment<P> | null = null;
  for (const passage of passages) {
    const { text } = passage;
    // votes[offset + quote.length]: one counter per alignment, in one buffer reused across passages.
    const width = text.length + quote.length + 1;
    if (votes.length < width) votes = new Uint32Array(width);
    else votes.fill(0, 0, width);
    let score = 0;
    let offset = 0;
    for (let j = 0; j + size <= text.length; j++) {
      const at = index.get(gram(text, j));
      if (!at) continue;
      for (const i of at) {
        const k = j - i + quote.length;
        const v = (votes[k] as number) + 1;
        votes[k] = v;
        if (v > score) {
          score = v;
          offset = j - i;
        }
      }
    }
    if (
      score > 0 &&
      (!best || score > best.score || (score === best.score && text.length < best.passage.text.length))
    ) {
      best = { passage, offset, score };
    }
  }
  return best && best.score >= Math.max(1, Math.ceil(grams * MIN_SHARE)) ? best : null;
}

export interface Difference {
  /** Index in the quote of the first character that differs. */
  at: number;
  /** The quote's character there. */
  quoteChar: string;
  /** The source's character at that place, or null where the source has none (before its start, after its end). */
  sourceChar: string | null;
}

/** The first character of the quote that differs from the source at the given alignment; null if none does. */
export function firstDifference(quote: string, source: string, offset: number): Difference | null {
  for (let at = 0; at < quote.length; at++) {
    const s = offset + at;
    const sourceChar = s >= 0 && s < source.length ? (source[s] as string) : null;
    if (sourceChar !== quote[at]) return { at, quoteChar: quote[at] as string, sourceChar };
  }
  return null;
}
