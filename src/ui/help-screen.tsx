import guide from 'virtual:authoring-guide';
import { useEffect, useRef } from 'react';
import type { Block, Doc, Inline } from '../docs/doc-ast';
import { useApp } from './store-context';
import './help.css';

/** Links leave the app only for the web, in a new tab that cannot reach back into this one. */
function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, i) => {
    const key = i;
    switch (node.t) {
      case 'text':
        return node.text;
      case 'strong':
        return (
          <strong key={key}>
            <InlineNodes nodes={node.children} />
          </strong>
        );
      case 'em':
        return (
          <em key={key}>
            <InlineNodes nodes={node.children} />
          </em>
        );
      case 'del':
        return (
          <del key={key}>
            <InlineNodes nodes={node.children} />
          </del>
        );
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'br':
        return <br key={key} />;
      case 'link':
        return /^https?:\/\//i.test(node.href) ? (
          <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
            <InlineNodes nodes={node.children} />
          </a>
        ) : (
          // A file of the repository (docs/epidemic.md…): named, since the app cannot open it.
          <span key={key}>
            <InlineNodes nodes={node.children} />（<code>{node.href}</code>）
          </span>
        );
    }
    return null;
  });
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return blocks.map((block, i) => {
    const key = i;
    switch (block.t) {
      case 'heading': {
        const content = <InlineNodes nodes={block.children} />;
        // The page's h1 is the guide's title (its "# …" line); its "## …" sections are h2s.
        const Tag = `h${Math.min(6, block.depth)}` as 'h2';
        return block.depth === 1 ? null : (
          <Tag key={key} id={block.id}>
            {content}
          </Tag>
        );
      }
      case 'paragraph':
        return (
          <p key={key}>
            <InlineNodes nodes={block.children} />
          </p>
        );
      case 'list': {
        const items = block.items.map((item, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a document's items keep their order
          <li key={j}>
            <Blocks blocks={item} />
          </li>
        ));
        return block.ordered ? (
          <ol key={key} start={block.start}>
            {items}
          </ol>
        ) : (
          <ul key={key}>{items}</ul>
        );
      }
      case 'code':
        return (
          <section
            key={key}
            className="code-block"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide code block scrolls by keyboard too
            tabIndex={0}
            aria-label={block.lang ? `${block.lang} 代码` : '代码'}
          >
            <pre>
              <code>{block.text}</code>
            </pre>
          </section>
        );
      case 'blockquote':
        return (
          <blockquote key={key}>
            <Blocks blocks={block.children} />
          </blockquote>
        );
      case 'table':
        return (
          <div key={key} className="table-scroll">
            <table>
              <thead>
                <tr>
                  {block.header.map((cell, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns keep their order
                    <th key={j} scope="col">
                      <InlineNodes nodes={cell} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows keep their order
                  <tr key={r}>
                    {row.map((cell, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns keep their order
                      <td key={j}>
                        <InlineNodes nodes={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'hr':
        return <hr key={key} />;
    }
    return null;
  });
}

/** The authoring guide (docs/authoring.md), with its sections listed first. */
export function HelpContent({ doc }: { doc: Doc }) {
  return (
    <>
      {doc.toc.length > 0 && (
        <nav className="help-toc panel" aria-label="目录">
          <ol>
            {doc.toc.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="prose help-body">
        <Blocks blocks={doc.blocks} />
      </div>
    </>
  );
}

export default function HelpScreen() {
  const openPage = useApp((s) => s.openPage);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <main className="screen help">
      <header className="page-header authoring-header">
        <h1 ref={heading} tabIndex={-1}>
          {guide.title || '编写指南'}
        </h1>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => openPage('authoring')}>
            去编写与试玩
          </button>
          <button type="button" className="link-button" onClick={() => openPage('library')}>
            返回演练库
          </button>
        </div>
      </header>
      <HelpContent doc={guide} />
    </main>
  );
}
