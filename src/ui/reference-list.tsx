import type { Reference } from '../scenario/schema';

function refTitle(ref: Reference): string {
  return ref.kind === 'law' ? `${ref.law}（${ref.version}）${ref.article}` : ref.title;
}

/** The lecture passages and law articles behind a judgement; the full quote opens on demand. */
export function ReferenceList({ refs }: { refs: Reference[] }) {
  if (refs.length === 0) return null;
  return (
    <ul className="refs" aria-label="依据">
      {refs.map((ref) => (
        <li key={ref.id}>
          <details>
            <summary>
              <span className="ref-kind">{ref.kind === 'law' ? '法条' : '讲稿'}</span> {refTitle(ref)}
            </summary>
            <blockquote>{ref.quote}</blockquote>
          </details>
        </li>
      ))}
    </ul>
  );
}
