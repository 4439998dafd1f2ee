/**
 * Every quote of a drill file checked against the sources: one problem per reference whose quote
 * is not verbatim where it says, pointing at that reference's `quote`. Reads the file as written
 * (parsed JSON, not the loaded drill), so the pointers are the file's own and a drill with other
 * problems still has its quotes checked; references the schema refuses are left to the schema.
 */
import { error, type Problem } from '../scenario/problem';
import { MAX_REFERENCES } from '../scenario/schema-primitives';
import { checkQuote, type QuotedReference, type Sources } from './quote-check';

function asReference(value: unknown): QuotedReference | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (typeof r.quote !== 'string') return null;
  if (r.kind === 'lecture') return { kind: 'lecture', quote: r.quote };
  if (r.kind === 'law' && typeof r.law === 'string' && typeof r.version === 'string' && typeof r.article === 'string') {
    return { kind: 'law', law: r.law, version: r.version, article: r.article, quote: r.quote };
  }
  return null;
}

/** `drill` is the file's parsed JSON. */
export function quoteProblems(drill: unknown, sources: Sources): Problem[] {
  const references = (drill as { references?: unknown } | null)?.references;
  if (!Array.isArray(references)) return [];
  // More references than a drill may have are refused by load; checking them all would only take time.
  return references.slice(0, MAX_REFERENCES).flatMap((value, i) => {
    const ref = asReference(value);
    const wrong = ref && checkQuote(ref, sources);
    return wrong ? [error(['references', i, 'quote'], wrong.message)] : [];
  });
}
