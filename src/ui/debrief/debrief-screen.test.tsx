// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/accessibility';
import { uiDrill } from '../../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../../test/render-app';
import { playThrough } from '../../../test/run-to';
import { App } from '../../shell/app';

/** The debrief is fetched when a run ends: wait for it to be on screen. */
async function renderComponent(choices = ['report', 'publish']) {
  const store = storeWith([uiDrill]);
  playThrough(store, 'ui-drill', choices);
  const rendered = renderWithStore(<App />, store);
  await screen.findByRole('heading', { name: '三项得分' });
  return rendered;
}

describe('<DebriefScreen>', () => {
  it('shows the ending and the three scores', async () => {
    await renderComponent();
    expect(screen.getByRole('heading', { level: 1, name: '疫情得到控制' })).toBeInTheDocument();
    // report done in 1h (ideal 2h): timeliness 60 + 10; legality 60 + 10; coordination 60.
    const cards = within(screen.getByRole('list', { name: '三项得分' })).getAllByRole('listitem');
    expect(cards.map((c) => c.textContent)).toEqual(['时效70 分评定：良', '依法70 分评定：良', '协同60 分评定：中']);
  });

  it('tells, after the ending, the paragraphs of it that hold for this run', async () => {
    const drill = {
      ...uiDrill,
      nodes: uiDrill.nodes.map((n) =>
        n.id === 'good' && n.kind === 'ending'
          ? {
              ...n,
              details: [
                { when: { var: 'trust', op: '>=' as const, value: 70 }, text: '你第一时间报了上去。' },
                { when: { var: 'trust', op: '<' as const, value: 70 }, text: '你等了半天。' },
              ],
            }
          : n,
      ),
    };
    const store = storeWith([drill]);
    playThrough(store, 'ui-drill', ['report', 'publish']);
    renderWithStore(<App />, store);
    expect(await screen.findByText('你第一时间报了上去。')).toBeInTheDocument();
    expect(screen.queryByText('你等了半天。')).not.toBeInTheDocument();
  });

  it('lists every score event under its dimension with its reason and reference', async () => {
    await renderComponent();
    const legality = screen.getByRole('list', { name: '依法评分事件' });
    expect(legality).toHaveTextContent('依法及时直报。');
    expect(legality).toHaveTextContent('第四十五条');
    expect(screen.getByRole('list', { name: '时效评分事件' })).toHaveTextContent('网络直报');
  });

  it('shows the timeline: in-game time, real seconds used and the choice', async () => {
    await renderComponent();
    const rows = within(screen.getByRole('table', { name: '时间线' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(first?.[1]).toBe('1月8日 08:00');
    expect(first?.[2]).toMatch(/^\d+\.\d 秒$/);
    expect(first?.[4]).toBe('立即网络直报');
    expect(second?.[1]).toBe('1月8日 09:00');
    expect(second?.[4]).toBe('如实发布');
  });

  it('marks a timed-out decision in the timeline', async () => {
    await renderComponent(['$timeout', 'silence']);
    const first = within(screen.getByRole('table', { name: '时间线' })).getAllByRole('row')[1];
    expect(first).toHaveTextContent('超时等待上级指示');
  });

  it('plays again from the briefing', async () => {
    const { store } = await renderComponent();
    await userEvent.click(screen.getByRole('button', { name: '重新推演' }));
    expect(store.getState().run?.view).toBe('briefing');
    expect(store.getState().run?.decisions).toEqual([]);
  });

  it('is accessible', async () => {
    const { container } = await renderComponent();
    await expectAccessible(container);
  });
});
