import type { Reference } from '../../scenario/schema';
import { FullText, refTitle } from '../reference-list';

/**
 * The references of a finding with their words in full — the lecture passage, the article's text —
 * not folded away: a report is read and printed whole. 查看全文 opens the whole article.
 */
export function ReportRefs({ refs }: { refs: readonly Reference[] }) {
  if (refs.length === 0) return null;
  return (
    <ul className="report-refs" aria-label="依据">
      {refs.map((ref) => (
        <li key={ref.id}>
          <p className="report-ref-title">
            <span className="ref-kind">{ref.kind === 'law' ? '法条' : '讲稿'}</span> {refTitle(ref)}
          </p>
          <blockquote>{ref.quote}</blockquote>
          {ref.kind === 'law' && <FullText reference={ref} />}
        </li>
      ))}
    </ul>
  );
}
