// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { playThrough } from '../../test/run-to';
import { App } from './app';

/** Records each time an element matching `selector` enters or leaves `root`. */
function watch(root: Element, selector: string): string[] {
  const seen: string[] = [];
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n instanceof Element && n.matches(selector)) seen.push('drawn');
      for (const n of r.removedNodes) if (n instanceof Element && n.matches(selector)) seen.push('dropped');
    }
  }).observe(root, { childList: true, subtree: true });
  return seen;
}

describe('a page’s first decision', () => {
  it('rehearses its first choice’s consequence once, hidden, and drops it, changing nothing', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    const before = store.getState().run;
    const { container } = renderWithStore(<App />, store);
    const rehearsals = watch(container, '.consequence-rehearsal');
    await waitFor(() => expect(rehearsals).toEqual(['drawn', 'dropped']));
    expect(store.getState().run).toBe(before);
    expect(screen.getByRole('heading', { level: 1, name: '接到医院报告' })).toBeInTheDocument();
    expect(screen.getAllByRole('main')).toHaveLength(1);

    // Once a consequence has been shown in the page, its code has run: no rehearsal again.
    await userEvent.click(screen.getAllByRole('button', { name: /立即网络直报/ })[0] as HTMLElement);
    await userEvent.click(await screen.findByRole('button', { name: '继续' }));
    expect(await screen.findByRole('heading', { level: 1, name: '是否发布信息' })).toBeInTheDocument();
    await new Promise((done) => setTimeout(done, 50));
    expect(rehearsals).toEqual(['drawn', 'dropped']);
  });
});

describe('the last consequence', () => {
  it('draws the debrief ahead, hidden, and 查看复盘 shows that very debrief', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', ['report']);
    store.getState().decide('publish');
    const { container } = renderWithStore(<App />, store);
    expect(screen.getByRole('button', { name: '查看复盘' })).toBeInTheDocument();

    // Drawn while the consequence is read: in the page, but not shown and not read out.
    const hidden = await waitFor(() => {
      const main = container.querySelector<HTMLElement>('main.debrief');
      if (!main) throw new Error('the debrief is not drawn ahead yet');
      return main;
    });
    const ending = hidden.querySelector('h1');
    expect(getComputedStyle(hidden).display).toBe('none');
    expect(screen.queryByRole('heading', { level: 1, name: ending?.textContent ?? '' })).toBeNull();
    expect(screen.getAllByRole('main')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: '查看复盘' }));
    const shown = screen.getByRole('heading', { level: 1, name: ending?.textContent ?? '' });
    expect(shown).toBe(ending);
    expect(store.getState().run?.view).toBe('debrief');
    expect(screen.getAllByRole('main')).toHaveLength(1);
    await waitFor(() => expect(shown).toHaveFocus());
    // The rest of the debrief follows it, as when it is drawn at the click.
    expect(await screen.findByRole('heading', { level: 2, name: '全部评分事件' })).toBeInTheDocument();

    // Played again: the new run's briefing, with no debrief of the last run kept ahead.
    await userEvent.click(screen.getByRole('button', { name: '重新推演' }));
    expect(await screen.findByRole('heading', { level: 1, name: uiDrill.title })).toBeInTheDocument();
    expect(container.querySelector('main.debrief')).toBeNull();
  });

  it('draws no debrief ahead before the run has ended', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    store.getState().decide('report');
    const { container } = renderWithStore(<App />, store);
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.getByRole('button', { name: '继续' })).toBeInTheDocument();
    expect(container.querySelector('main.debrief')).toBeNull();
  });
});
