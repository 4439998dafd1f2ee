import type { Reference } from '../scenario/schema';

/** "《传染病防治法》（2025）第四十五条第二款": short enough to sit on one line under a reason. */
function refTitle(ref: Reference): string {
  if (ref.kind !== 'law') return ref.title;
  const year = /\d{4}/.exec(ref.version)?.[0];
  const name = ref.law.replace('中华人民共和国', '');
  return `${name}${year ? `（${year}）` : ''}${ref.article}`;
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
            <blockquote>
              {ref.kind === 'law' && <cite>{`${ref.law}（${ref.version}）${ref.article}`}</cite>}
              {ref.quote}
            </blockquote>
          </details>
        </li>
      ))}
    </ul>
  );
}
