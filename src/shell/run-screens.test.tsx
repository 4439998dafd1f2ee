// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { memoryStorage, renderWithStore, storeWith } from '../../test/render-app';
import { playThrough } from '../../test/run-to';
import { TIMEOUT } from '../engine/types';
import { load } from '../scenario/load';
import { createAppStore } from '../store/app-store';
import { commitShown } from '../ui/show-drawn-ahead';
import { App } from './app';

/** The elements `selector` finds in `root` that their Activity hides (its style on the element itself). */
const hiddenIn = (root: Element, selector: string) =>
  [...root.querySelectorAll<HTMLElement>(selector)].filter((e) => e.style.display === 'none');

/** The first decision's two consequences, once both are drawn ahead, hidden. */
const drawnAhead = (container: Element) =>
  waitFor(() => {
    const found = hiddenIn(container, '.consequence-column');
    expect(found).toHaveLength(2);
    return found;
  });

describe('a decision', () => {
  it('draws the consequence of each choice on offer ahead, hidden; the one taken is shown, with the real state', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    const before = store.getState().run;
    const { container } = renderWithStore(<App />, store);
    expect(screen.getByRole('heading', { level: 1, name: '接到医院报告' })).toBeInTheDocument();

    // The two choices on offer (not the one only a timeout takes), each drawn once, hidden.
    const drawn = await drawnAhead(container);
    const verify = drawn.find((e) => e.querySelector('h1')?.textContent === '先派人核实');
    // Marked as drawn ahead (what is drawn unseen), unlike the screen shown.
    expect(drawn.every((e) => e.hasAttribute('data-ahead'))).toBe(true);
    expect(container.querySelector('.decision-column')?.hasAttribute('data-ahead')).toBe(false);
    // Side by side, hidden, the screens drawn ahead share no id with each other or with the one read.
    const idsAhead = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(idsAhead).size).toBe(idsAhead.length);
    expect(verify).toBeDefined();
    // Drawn ahead, not taken: the run is as it was, and nothing hidden is read out.
    expect(store.getState().run).toBe(before);
    expect(screen.queryByRole('heading', { level: 1, name: '先派人核实' })).toBeNull();
    expect(screen.getAllByRole('main')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: /先派人核实/ }));
    // The very element drawn ahead, shown by the click itself: the run's change follows the frame.
    const heading = screen.getByRole('heading', { level: 1, name: '先派人核实' });
    expect(verify?.contains(heading)).toBe(true);
    expect(verify?.style.display).not.toBe('none');
    expect(container.querySelector<HTMLElement>('.decision-column')?.style.display).toBe('none');
    expect(store.getState().run).toBe(before);
    // Then the run takes the choice, and React draws the same element from the run as it now stands.
    await waitFor(() => expect(store.getState().run?.decisions.map((d) => d.choiceId)).toEqual(['verify']));
    expect(verify?.hasAttribute('data-ahead')).toBe(false);
    expect(verify?.contains(screen.getByRole('heading', { level: 1, name: '先派人核实' }))).toBe(true);
    expect(screen.getByText('核实用了一整天。')).toBeInTheDocument();
    // The one not taken goes once the page is idle; its headings never share an id with the one shown.
    await waitFor(() => expect(container.querySelectorAll('.consequence-column')).toHaveLength(1));
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows what the real state says, not what was drawn ahead: a click after the limit is a timeout', async () => {
    // The store's clock, ahead of the countdown's when the trainee has been away.
    let away = 0;
    const store = createAppStore({ now: () => Date.now() + away, newSeed: () => 42, storage: memoryStorage() });
    store.getState().addShippedDrills([{ file: 'ui-drill.json', result: load(JSON.stringify(uiDrill)) }]);
    playThrough(store, 'ui-drill', []);
    const { container } = renderWithStore(<App />, store);
    // Drawn ahead as if taken within the limit.
    const drawn = await drawnAhead(container);
    const verify = drawn.find((e) => e.querySelector('h1')?.textContent === '先派人核实');
    expect(verify).toBeDefined();

    // The trainee was away past the 30 seconds (the countdown's own timer has not yet fired).
    away = 31_000;
    await userEvent.click(screen.getByRole('button', { name: /先派人核实/ }));
    const [decision] = store.getState().run?.decisions ?? [];
    expect(decision?.choiceId).toBe('verify');
    // Counted as the time allowed: the decision was a timeout whatever was clicked.
    expect(decision?.realMs).toBe(30_000);
    const heading = screen.getByRole('heading', { level: 1, name: /等待上级指示/ });
    expect(heading).toHaveTextContent('超时');
    expect(screen.getByText('限时内没有作出决定，按默认处置记录。')).toBeInTheDocument();
    // The consequence drawn for the choice clicked is not what is shown: it is hidden (and gone when idle).
    const shown = heading.closest<HTMLElement>('.consequence-column');
    expect(shown).not.toBeNull();
    expect(shown).not.toBe(verify);
    expect(screen.queryByRole('heading', { level: 1, name: '先派人核实' })).toBeNull();
    expect(within(shown as HTMLElement).queryByText('核实用了一整天。')).toBeNull();
  });

  it('shows a consequence not drawn ahead (the one a timeout takes) as well', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    const { container } = renderWithStore(<App />, store);
    await waitFor(() => expect(hiddenIn(container, '.consequence-column')).toHaveLength(2));
    act(() => {
      store.getState().decide(TIMEOUT);
    });
    expect(screen.getByRole('heading', { level: 1, name: /等待上级指示/ })).toBeInTheDocument();
    expect(screen.getByText('半天过去了，没有人拿主意。')).toBeInTheDocument();
    await waitFor(() => expect(container.querySelectorAll('.consequence-column')).toHaveLength(1));
  });
});

describe('a quick reader', () => {
  it('goes on to the next decision before the page is idle: each screen drawn once, the new decision shown', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      const store = storeWith([uiDrill]);
      playThrough(store, 'ui-drill', []);
      const { container } = renderWithStore(<App />, store);
      await waitFor(() => expect(hiddenIn(container, '.consequence-column')).toHaveLength(2));
      // A choice and 继续 in one go: the consequences of the first decision are still held.
      act(() => {
        store.getState().decide('report');
        store.getState().proceed();
      });
      expect(screen.getByRole('heading', { level: 1, name: '是否发布信息' })).toBeInTheDocument();
      await waitFor(() => expect(hiddenIn(container, '.consequence-column')).toHaveLength(2));
      // Now the second decision's own: the choices it offers, drawn once each.
      const titles = hiddenIn(container, '.consequence-column').map((e) => e.querySelector('h1')?.textContent);
      expect(titles.sort()).toEqual(['如实发布', '暂不发布'].sort());
      // React says so on the console when two siblings share a key.
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('same key'))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });
  it('keeps the screen the click showed while the run has not taken the choice yet, whatever redraws around it', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    const { container } = renderWithStore(<App />, store);
    const drawn = await drawnAhead(container);
    const verify = drawn.find((e) => e.querySelector('h1')?.textContent === '先派人核实') as HTMLElement;
    // No frame comes, so the run's change waits.
    const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      await userEvent.click(screen.getByRole('button', { name: /先派人核实/ }));
      expect(verify.style.display).not.toBe('none');
      // Something else in the store changes (a drill's text come, a draft taken up): the run's screen is drawn again.
      act(() => store.setState((s) => ({ library: { ...s.library } })));
      expect(verify.style.display).not.toBe('none');
      expect(screen.getByRole('heading', { level: 1, name: '先派人核实' })).toBeInTheDocument();
      expect(store.getState().run?.decisions).toEqual([]);
    } finally {
      frame.mockRestore();
      act(() => commitShown());
    }
    expect(store.getState().run?.decisions.map((d) => d.choiceId)).toEqual(['verify']);
    expect(verify.style.display).not.toBe('none');
  });
});

describe('where the browser keeps the layout of what it hides (content-visibility)', () => {
  /** The first decision's consequences, once both are laid out ahead (not the unseen copies beside them). */
  const laidOut = (container: Element) =>
    waitFor(
      () => {
        const found = [...container.querySelectorAll<HTMLElement>('main.decision-main > .consequence-column')].filter(
          (e) => e.style.getPropertyValue('content-visibility') === 'hidden',
        );
        expect(found).toHaveLength(2);
        return found;
      },
      // Drawn ahead, then laid out, each when idle: a few tasks, slow on a busy machine.
      { timeout: 5000 },
    );
  /** The first decision on screen, and its consequence 先派人核实 once laid out ahead. */
  async function firstDecision() {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    const { container } = renderWithStore(<App />, store);
    const verify = (await laidOut(container)).find((e) => e.querySelector('h1')?.textContent === '先派人核实');
    if (!verify) throw new Error('先派人核实 is not laid out ahead');
    return { store, container, verify };
  }

  beforeEach(() => {
    vi.stubGlobal('CSS', { supports: () => true });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lays out each consequence ahead; the click shows it in the flow and moves focus in the click itself', async () => {
    const { store, container, verify } = await firstDecision();
    expect(verify.style.position).toBe('absolute');
    expect(verify.style.display).toBe('');
    // No frame comes: what the click does, it does in itself.
    const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      await userEvent.click(screen.getByRole('button', { name: /先派人核实/ }));
      expect(verify.getAttribute('style')).toBe('');
      expect(verify.querySelector('.actions button.primary')).toHaveFocus();
      expect(container.querySelector<HTMLElement>('.decision-column')?.style.display).toBe('none');
    } finally {
      frame.mockRestore();
      act(() => commitShown());
    }
    expect(store.getState().run?.decisions.map((d) => d.choiceId)).toEqual(['verify']);
    expect(verify.getAttribute('style')).toBe('');
  });

  it('puts a column laid out ahead back in the flow when React shows it (the run changed otherwise than by the input)', async () => {
    const { store, verify } = await firstDecision();
    act(() => {
      store.getState().decide('verify');
    });
    expect(verify.contains(screen.getByText('核实用了一整天。'))).toBe(true);
    expect(verify.style.getPropertyValue('content-visibility')).toBe('');
    expect(verify.style.position).toBe('');
    expect(verify.style.display).toBe('');
  });
});

describe('a consequence', () => {
  it('继续 shows the decision drawn ahead in the click itself; the run moves on after the frame', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    store.getState().decide('report');
    const { container } = renderWithStore(<App />, store);
    const ahead = await waitFor(() => {
      const [found] = hiddenIn(container, '.decision-column');
      if (!found) throw new Error('the next decision is not drawn ahead yet');
      return found;
    });
    await userEvent.click(screen.getByRole('button', { name: '继续' }));
    expect(ahead.style.display).not.toBe('none');
    expect(container.querySelector<HTMLElement>('.consequence-column')?.style.display).toBe('none');
    expect(store.getState().run?.view).toBe('consequence');
    await waitFor(() => expect(store.getState().run?.view).toBe('decision'));
    expect(ahead.contains(screen.getByRole('heading', { level: 1, name: '是否发布信息' }))).toBe(true);
    await waitFor(() => expect(ahead.querySelector('h1')).toHaveFocus());
  });

  it('draws the next decision ahead, hidden, and 继续 shows that very decision', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', []);
    store.getState().decide('report');
    const { container } = renderWithStore(<App />, store);
    expect(screen.getByRole('heading', { level: 1, name: '立即网络直报' })).toBeInTheDocument();
    const ahead = await waitFor(() => {
      const [found] = hiddenIn(container, '.decision-column');
      if (!found) throw new Error('the next decision is not drawn ahead yet');
      return found;
    });
    const title = ahead.querySelector('h1');
    expect(title?.textContent).toBe('是否发布信息');
    expect(screen.queryByRole('heading', { level: 1, name: '是否发布信息' })).toBeNull();
    // Hidden, it answers no number key: the consequence on screen is still the one.
    await userEvent.keyboard('1');
    expect(store.getState().run?.decisions).toHaveLength(1);

    const leaving = screen.getByRole('heading', { level: 1, name: '立即网络直报' });
    act(() => {
      store.getState().proceed();
    });
    expect(screen.getByRole('heading', { level: 1, name: '是否发布信息' })).toBe(title);
    // The consequence left is hidden at once and taken out only when the page is idle.
    expect(screen.queryByRole('heading', { level: 1, name: '立即网络直报' })).toBeNull();
    expect(leaving.isConnected).toBe(true);
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    await waitFor(() => expect(leaving.isConnected).toBe(false));
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });
});

describe('the briefing', () => {
  it('draws the first decision and its consequences ahead while it is read; 开始推演 shows that very decision', async () => {
    const store = storeWith([uiDrill]);
    store.getState().startRun('ui-drill');
    const { container } = renderWithStore(<App />, store);
    const start = screen.getByRole('button', { name: '开始推演' });
    // The whole run's frame, hidden behind the briefing: the decision, and the consequence of each choice.
    const first = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.decision-column');
      if (!found || hiddenIn(container, '.consequence-column').length < 2) throw new Error('not drawn ahead yet');
      return found;
    });
    const title = first.querySelector('h1');
    expect(title?.textContent).toBe('接到医院报告');
    expect(screen.queryByRole('heading', { level: 1, name: '接到医院报告' })).toBeNull();
    expect(screen.queryByRole('complementary', { name: '态势' })).toBeNull();
    expect(screen.getAllByRole('main')).toHaveLength(1);
    const idsAhead = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(idsAhead).size).toBe(idsAhead.length);
    // Hidden, it answers no number key: the briefing is still the screen.
    await userEvent.keyboard('1');
    expect(store.getState().run?.view).toBe('briefing');

    act(() => {
      store.getState().beginDecisions();
    });
    expect(screen.getByRole('heading', { level: 1, name: '接到医院报告' })).toBe(title);
    expect(screen.getByRole('complementary', { name: '态势' })).toBeInTheDocument();
    // The briefing is hidden at once and taken out when the page is idle.
    expect(start.isConnected).toBe(true);
    expect(screen.queryByRole('button', { name: '开始推演' })).toBeNull();
    expect(screen.getAllByRole('main')).toHaveLength(1);
    await waitFor(() => expect(start.isConnected).toBe(false));
    await waitFor(() => expect(title).toHaveFocus());
    // The consequences drawn ahead behind the briefing are this decision's: the click shows one as it is.
    const verify = hiddenIn(container, '.consequence-column').find(
      (e) => e.querySelector('h1')?.textContent === '先派人核实',
    );
    await userEvent.click(screen.getByRole('button', { name: /先派人核实/ }));
    expect(verify?.contains(screen.getByRole('heading', { level: 1, name: '先派人核实' }))).toBe(true);
    await waitFor(() => expect(store.getState().run?.decisions.map((d) => d.choiceId)).toEqual(['verify']));
  });
});

describe('the last consequence', () => {
  it('draws the debrief ahead, hidden, and 查看复盘 shows that very debrief in the click; the run ends after the frame', async () => {
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

    const run = container.querySelector<HTMLElement>('.screen.run');
    await userEvent.click(screen.getByRole('button', { name: '查看复盘' }));
    // Shown by the click itself, the run's screen hidden; the store's change follows the frame.
    const shown = screen.getByRole('heading', { level: 1, name: ending?.textContent ?? '' });
    expect(shown).toBe(ending);
    expect(run?.style.display).toBe('none');
    expect(store.getState().run?.view).toBe('consequence');
    expect(screen.getAllByRole('main')).toHaveLength(1);
    await waitFor(() => expect(store.getState().run?.view).toBe('debrief'));
    expect(screen.getAllByRole('main')).toHaveLength(1);
    await waitFor(() => expect(shown).toHaveFocus());
    // The rest of the debrief follows it, as when it is drawn at the click.
    expect(await screen.findByRole('heading', { level: 2, name: '全部评分事件' })).toBeInTheDocument();

    // Played again: the new run's briefing, with no debrief of the last run kept ahead.
    await userEvent.click(screen.getByRole('button', { name: '重新推演' }));
    expect(await screen.findByRole('heading', { level: 1, name: uiDrill.title })).toBeInTheDocument();
    expect(container.querySelector('main.debrief')).toBeNull();
  });

  it('hides the run at 查看复盘 and takes it out only when the page is idle', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', ['report']);
    store.getState().decide('publish');
    const { container } = renderWithStore(<App />, store);
    await waitFor(() => expect(container.querySelector('main.debrief')).not.toBeNull());
    const asked = screen.getByRole('button', { name: '查看复盘' });
    const side = screen.getByRole('complementary', { name: '态势' });

    act(() => {
      store.getState().proceed();
    });
    // Taking out the whole run (the focused button, the boards, the screens drawn ahead) is work the
    // click need not wait for: it is hidden at once, neither seen nor read out.
    expect(asked.isConnected).toBe(true);
    expect(side.isConnected).toBe(true);
    expect(screen.queryByRole('button', { name: '查看复盘' })).toBeNull();
    expect(screen.queryByRole('complementary', { name: '态势' })).toBeNull();
    expect(screen.getAllByRole('main')).toHaveLength(1);
    await waitFor(() => expect(asked.isConnected).toBe(false));
    expect(side.isConnected).toBe(false);
    expect(container.querySelector('main.debrief')).toBeVisible();
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
