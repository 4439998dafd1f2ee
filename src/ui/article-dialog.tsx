/**
 * A cited law article in full, in the version the reference names, its cited paragraph (款) or
 * item (项) marked and scrolled into view. Fetched only when a trainee asks for it: this module
 * carries the laws of sources/ (sources/laws.json), which the first load must not.
 */
import { type RefObject, useEffect, useId, useMemo, useRef } from 'react';
import lawBook from '../../sources/laws.json';
import { type CitedArticle, citedArticle, type LawReference, type Place } from '../sources/find-law';
import { itemNumber, type LawText, type Paragraph } from '../sources/law-text';
import './article-dialog.css';

const LAWS: readonly LawText[] = lawBook.laws;

interface Props {
  reference: LawReference;
  onClose: () => void;
  /** Where focus goes back when the dialog closes: the button that opened it. */
  returnFocusTo: RefObject<HTMLElement | null>;
}

export function ArticleDialog({ reference, onClose, returnFocusTo }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const cited = useRef<HTMLElement>(null);
  const titleId = useId();
  const found = useMemo(() => citedArticle(LAWS, reference), [reference]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Modal: the page behind is inert, Tab stays inside, and Escape comes as a `cancel` event.
    if (!element.open) element.showModal();
    closeButton.current?.focus();
    cited.current?.scrollIntoView({ block: 'center' });
    return () => {
      if (element.open) element.close();
      returnFocusTo.current?.focus();
    };
  }, [returnFocusTo]);

  const title = found
    ? `《${found.text.law}》${found.article.article}`
    : `《${reference.law.replace(/[《》]/g, '')}》${reference.article}`;

  return (
    <dialog
      ref={dialog}
      className="article-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Closing is React's to do, so that the dialog unmounts and focus goes back.
        e.preventDefault();
        onClose();
      }}
    >
      <header className="article-dialog-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          <p className="muted">{found ? found.text.version : reference.version}</p>
        </div>
        <button ref={closeButton} type="button" className="secondary" onClick={onClose}>
          关闭
        </button>
      </header>
      <div className="article-dialog-body">
        {found ? <ArticleText found={found} citedRef={cited} /> : <Missing reference={reference} />}
      </div>
    </dialog>
  );
}

function ArticleText({ found, citedRef }: { found: CitedArticle; citedRef: RefObject<HTMLElement | null> }) {
  const { article, cited } = found;
  return (
    <>
      {cited === null && <p className="article-note">依据所引的文字不在这一条中，下面是这一条的全文。</p>}
      <div className="article-text">
        {article.paragraphs.map((paragraph, i) => (
          <ParagraphText
            // A law's paragraphs keep their order.
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are numbered by their place
            key={i}
            paragraph={paragraph}
            number={i + 1}
            cited={cited?.paragraph === i + 1 ? cited : null}
            citedRef={citedRef}
          />
        ))}
      </div>
      <p className="article-note muted">条文摘自课程收录的法规原文（逐字），只收录了与演练有关的条文。</p>
    </>
  );
}

/** A paragraph with its items; the cited part in a <mark>, which is scrolled into view. */
function ParagraphText({
  paragraph,
  number,
  cited,
  citedRef,
}: {
  paragraph: Paragraph;
  number: number;
  cited: Place | null;
  citedRef: RefObject<HTMLElement | null>;
}) {
  const wholeParagraph = cited !== null && cited.item === undefined;
  return (
    <div className="article-paragraph" data-paragraph={number}>
      <p>{wholeParagraph ? <Cited text={paragraph.text} citedRef={citedRef} /> : paragraph.text}</p>
      {paragraph.items.map((item) => (
        <p key={item} className="article-item">
          {wholeParagraph || (cited !== null && itemNumber(item) === cited.item) ? (
            <Cited text={item} citedRef={wholeParagraph ? null : citedRef} />
          ) : (
            item
          )}
        </p>
      ))}
    </div>
  );
}

function Cited({ text, citedRef }: { text: string; citedRef: RefObject<HTMLElement | null> | null }) {
  return (
    <mark ref={citedRef}>
      <span className="visually-hidden">（依据所引）</span>
      {text}
    </mark>
  );
}

/** An imported drill may cite what the sources lack: say so, and show what the reference quotes. */
function Missing({ reference }: { reference: LawReference }) {
  return (
    <>
      <p className="article-note">课程收录的法规原文中没有这一条（或没有这一版本），无法显示全文。依据引用的文字是：</p>
      <blockquote className="article-quote">{reference.quote}</blockquote>
    </>
  );
}
