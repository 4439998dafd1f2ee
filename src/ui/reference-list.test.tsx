// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import type { Reference } from '../scenario/schema';
import { ReferenceList } from './reference-list';

// jsdom has <dialog> but none of its behaviour: opening, closing, and scrolling are the browser's.
// The end-to-end test runs them in Chromium, Escape included.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
const scrolled = vi.fn();
Element.prototype.scrollIntoView = scrolled;
afterEach(() => scrolled.mockClear());

const V2025 = '2025年4月30日修订，2025年9月1日起施行';

function law(article: string, quote: string, overrides: Partial<Reference> = {}): Reference {
  return {
    id: 'z63',
    kind: 'law',
    law: '《中华人民共和国传染病防治法》',
    version: V2025,
    article,
    quote,
    ...overrides,
  } as Reference;
}

const REPORT = '县级以上地方人民政府采取前款规定的紧急措施，应当同时向上一级人民政府报告。';

function renderComponent(refs: Reference[]) {
  return render(
    <StrictMode>
      <ReferenceList refs={refs} />
    </StrictMode>,
  );
}

/** Opens the one reference's details, then its full text. */
async function openFullText() {
  const user = userEvent.setup();
  await user.click(document.querySelector('summary') as HTMLElement);
  await user.click(screen.getByRole('button', { name: '查看全文' }));
  return { user, dialog: await screen.findByRole('dialog') };
}

describe('<ReferenceList>', () => {
  it('offers the full text of a law, inside its opened details, and not of the lecture', async () => {
    renderComponent([
      law('第六十三条第二款', REPORT),
      { id: 'k1', kind: 'lecture', title: '党课讲稿·法无授权', quote: '法无授权不可为。' },
    ]);
    const [lawItem, lectureItem] = within(screen.getByRole('list', { name: '依据' })).getAllByRole('listitem');
    expect(within(lawItem as HTMLElement).getByRole('button', { name: '查看全文', hidden: true })).not.toBeVisible();
    await userEvent.click(within(lawItem as HTMLElement).getByText('《传染病防治法》（2025）第六十三条第二款'));
    expect(within(lawItem as HTMLElement).getByRole('button', { name: '查看全文' })).toBeVisible();
    expect(within(lectureItem as HTMLElement).queryByRole('button', { hidden: true })).toBeNull();
  });

  it('opens the whole article of the version cited, its cited paragraph marked and scrolled into view', async () => {
    renderComponent([law('第六十三条第二款', REPORT)]);
    const { dialog } = await openFullText();
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('heading', { name: '《中华人民共和国传染病防治法》第六十三条' })).toBeVisible();
    expect(dialog).toHaveTextContent(V2025);
    const paragraphs = dialog.querySelectorAll('.article-paragraph');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toHaveTextContent(/^第六十三条 传染病暴发、流行时/);
    expect(paragraphs[0]).toHaveTextContent('（六）防止传染病传播的其他必要措施。');
    const marks = dialog.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toHaveTextContent(`（依据所引）${REPORT}接到报告的上级人民政府`);
    expect(paragraphs[1]?.contains(marks[0] as Node)).toBe(true);
    expect(scrolled.mock.contexts.at(-1)).toBe(marks[0]);
    expect(within(dialog).getByRole('button', { name: '关闭' })).toHaveFocus();
  });

  it('marks only the item cited', async () => {
    renderComponent([law('第六十三条第一款第（二）项', '（二）停工、停业、停课；')]);
    const { dialog } = await openFullText();
    const marks = dialog.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['（依据所引）（二）停工、停业、停课；']);
  });

  it('marks where the quote stands when only the article is cited, and says when it stands nowhere in it', async () => {
    const { unmount } = renderComponent([law('第六十三条', '立即调整或者撤销')]);
    let { dialog } = await openFullText();
    expect(dialog.querySelector('mark')).toHaveTextContent('立即调整或者撤销');
    unmount();
    renderComponent([law('第六十三条', '别处的文字')]);
    ({ dialog } = await openFullText());
    expect(dialog.querySelector('mark')).toBeNull();
    expect(dialog).toHaveTextContent('依据所引的文字不在这一条中');
  });

  it('reads the version from the reference: the 2013 text of the same article number', async () => {
    renderComponent([law('第六十三条', '以备调用', { version: '2004年修订、2013年6月29日修正' })]);
    const { dialog } = await openFullText();
    expect(dialog).toHaveTextContent('县级以上人民政府负责储备防治传染病的药品');
    expect(dialog).not.toHaveTextContent('传染病暴发、流行时');
  });

  it('closes with its button and with Escape, and gives focus back to 查看全文', async () => {
    renderComponent([law('第六十三条第二款', REPORT)]);
    const { user, dialog } = await openFullText();
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const opener = screen.getByRole('button', { name: '查看全文' });
    expect(opener).toHaveFocus();

    await user.click(opener);
    const again = await screen.findByRole('dialog');
    // What Chromium does on Escape in a modal dialog (the end-to-end test presses the key itself).
    again.dispatchEvent(new Event('cancel', { cancelable: true }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(opener).toHaveFocus();
  });

  it('says when the sources lack the article, and shows the quote as text', async () => {
    const quote = '<b data-xss>不在收录中</b>';
    renderComponent([law('第九十九条', quote)]);
    const { dialog } = await openFullText();
    expect(within(dialog).getByRole('heading', { name: '《中华人民共和国传染病防治法》第九十九条' })).toBeVisible();
    expect(dialog).toHaveTextContent('课程收录的法规原文中没有这一条');
    expect(dialog).toHaveTextContent(quote);
    expect(document.querySelector('[data-xss]')).toBeNull();
  });

  it('is accessible with the article open', async () => {
    const { container } = renderComponent([law('第六十三条第一款第（一）项', '（一）限制或者停止集市')]);
    await openFullText();
    await expectAccessible(container);
  });
});

describe('<ReferenceList> when the article cannot be fetched', () => {
  afterEach(() => {
    vi.doUnmock('./article-dialog');
    vi.resetModules();
  });

  it('says so beside the button, and tries again on the next click', async () => {
    vi.resetModules();
    vi.doMock('./article-dialog', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { ReferenceList: Fresh } = await import('./reference-list');
    render(<Fresh refs={[law('第六十三条第二款', REPORT)]} />);
    const user = userEvent.setup();
    await user.click(document.querySelector('summary') as HTMLElement);
    await user.click(screen.getByRole('button', { name: '查看全文' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('条文没有载入：检查网络连接后再点一次。');
    expect(screen.queryByRole('dialog')).toBeNull();

    vi.doUnmock('./article-dialog');
    await user.click(screen.getByRole('button', { name: '查看全文' }));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
