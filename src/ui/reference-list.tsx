import { type ComponentType, useRef, useState } from 'react';
import type { Reference } from '../scenario/schema';
import type { ArticleDialog } from './article-dialog';

type LawReference = Extract<Reference, { kind: 'law' }>;

/** "《传染病防治法》（2025）第四十五条第二款": short enough to sit on one line under a reason. */
export function refTitle(ref: Reference): string {
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
            {ref.kind === 'law' && <FullText reference={ref} />}
          </details>
        </li>
      ))}
    </ul>
  );
}

type Viewer =
  | { kind: 'closed' | 'loading' | 'failed' }
  | { kind: 'open'; Dialog: ComponentType<Parameters<typeof ArticleDialog>[0]> };

/**
 * 查看全文: the whole article, in a dialog fetched on the first click (it carries the laws'
 * text, which the first load must not). A failed fetch — the network gone since the page
 * loaded — is said beside the button, and another click tries again.
 */
export function FullText({ reference }: { reference: LawReference }) {
  const [viewer, setViewer] = useState<Viewer>({ kind: 'closed' });
  const button = useRef<HTMLButtonElement>(null);

  async function open() {
    if (viewer.kind === 'loading' || viewer.kind === 'open') return;
    setViewer({ kind: 'loading' });
    try {
      const { ArticleDialog } = await import('./article-dialog');
      setViewer({ kind: 'open', Dialog: ArticleDialog });
    } catch {
      setViewer({ kind: 'failed' });
    }
  }

  return (
    <div className="full-text no-print">
      {/* Never disabled while loading: a disabled button drops focus, and focus must come back to it. */}
      <button ref={button} type="button" className="secondary" onClick={open} aria-busy={viewer.kind === 'loading'}>
        {viewer.kind === 'loading' ? '正在载入……' : '查看全文'}
      </button>
      {viewer.kind === 'failed' && <span role="alert">条文没有载入：检查网络连接后再点一次。</span>}
      {viewer.kind === 'open' && (
        <viewer.Dialog reference={reference} onClose={() => setViewer({ kind: 'closed' })} returnFocusTo={button} />
      )}
    </div>
  );
}
