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
  // The debrief's code is fetched (here: transformed) on its first render: slow on a busy machine.
  await screen.findByRole('heading', { name: '三项得分' }, { timeout: 10_000 });
  // What lies below the fold is drawn a frame after the top (useAfterFirstPaint).
  await screen.findByRole('heading', { name: '全部评分事件' }, { timeout: 10_000 });
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
    expect(first?.[4]).toBe('立即网络直报后果：报告已送达疾控机构。');
    expect(second?.[1]).toBe('1月8日 09:00');
    expect(second?.[4]).toBe('如实发布后果：传言平息。');
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

  it('rates each score, states the thresholds, and says what each rating means for this run', async () => {
    await renderComponent();
    const overview = screen.getByRole('region', { name: '概览' });
    expect(overview).toHaveTextContent('优 ≥ 85，良 70–84，中 55–69，差 < 55');
    expect(overview).toHaveTextContent('依法 70 分，评为“良”：基本完成，有一些问题需要改进。');
    expect(overview).toHaveTextContent('角色');
  });

  it('lists what to improve under each dimension, a countdown run out as one cause', async () => {
    await renderComponent(['$timeout', 'silence']);
    const improve = screen.getByRole('list', { name: '时效：需要改进的' });
    expect(improve).toHaveTextContent('始终没有完成“网络直报”');
    expect(improve).toHaveTextContent('限时内没有作出决定，按默认处置');
  });

  it('lists what went well, quoting what it cites', async () => {
    await renderComponent(['report', 'publish']);
    const good = screen.getByRole('list', { name: '依法：做得好的' });
    expect(good).toHaveTextContent('在「接到医院报告」时选择「立即网络直报」');
    expect(good).toHaveTextContent('应当于两小时内进行网络直报。');
  });

  it('shows the best line beside the run, decision by decision, once it has been searched', async () => {
    await renderComponent(['$timeout', 'silence']);
    const compare = await screen.findByRole('table', { name: '你的推演与最佳路线' });
    const ending = within(compare).getByRole('row', { name: /结局/ });
    expect(ending).toHaveTextContent('疫情失控');
    expect(ending).toHaveTextContent('疫情得到控制');
    const rows = within(screen.getByRole('table', { name: '逐个决定' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('超时未决（按“等待上级指示”）');
    expect(rows[0]).toHaveTextContent('立即网络直报');
    expect(rows[1]).toHaveTextContent('如实发布');
    expect(screen.getByRole('list', { name: '最佳路线全程' })).toHaveTextContent('结局：疫情得到控制');
    expect(screen.getByText(/没有比这更好的路线/)).toBeInTheDocument();
  });

  it('gives an improvement plan: the issue, the recommended action, the reference', async () => {
    const drill = {
      ...uiDrill,
      timeWindows: (uiDrill.timeWindows ?? []).map((w) => ({ ...w, refs: ['law-report'] })),
    };
    const store = storeWith([drill]);
    playThrough(store, 'ui-drill', ['$timeout', 'silence']);
    renderWithStore(<App />, store);
    await screen.findByRole('table', { name: '逐个决定' });
    const plan = screen.getByRole('table', { name: '改进计划' });
    const rows = within(plan).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('始终没有完成“网络直报”');
    expect(rows[0]).toHaveTextContent('在开局后 2 小时 之内完成“网络直报”');
    expect(rows[0]).toHaveTextContent('应当于两小时内进行网络直报。');
    expect(within(plan).getByText(/在「接到医院报告」时，选择「立即网络直报」/)).toBeInTheDocument();
  });

  it('is accessible', async () => {
    const { container } = await renderComponent();
    await expectAccessible(container);
  });
});
