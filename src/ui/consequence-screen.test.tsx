// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { fakeDecision, fakeLaw, fakeWorldScenario, loadable } from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../shell/app';

function renderComponent(choice = 'report') {
  const store = storeWith([uiDrill]);
  store.getState().startRun('ui-drill');
  store.getState().beginDecisions();
  store.getState().decide(choice);
  return renderWithStore(<App />, store);
}

describe('<ConsequenceScreen>', () => {
  it('shows the feedback, the time it took, what changed and the score events with their references', () => {
    renderComponent();
    expect(screen.getByRole('heading', { level: 1, name: '立即网络直报' })).toBeInTheDocument();
    expect(screen.getByText('报告已送达疾控机构。')).toBeInTheDocument();
    expect(screen.getByText(/耗时 1 小时/)).toHaveTextContent('2026年1月8日（周四）09:00');
    expect(screen.getByRole('region', { name: '态势变化' })).toHaveTextContent('公众信任：60 → 70');
    const events = within(screen.getByRole('list', { name: '本次决定的评分' })).getAllByRole('listitem');
    const texts = events.map((e) => e.textContent ?? '');
    expect(texts.some((t) => t.includes('依法') && t.includes('+10') && t.includes('依法及时直报。'))).toBe(true);
    expect(texts.some((t) => t.includes('时效') && t.includes('网络直报'))).toBe(true);
    expect(screen.getByText('《传染病防治法》（2025）第四十五条')).toBeInTheDocument();
  });

  it('continues to the next decision with Enter', async () => {
    const { store } = renderComponent();
    // Focus moves in the next frame (focus-soon.ts), not in the commit.
    await waitFor(() => expect(screen.getByRole('button', { name: '继续' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: '是否发布信息' })).toBeInTheDocument();
    await waitFor(() => expect(store.getState().run?.view).toBe('decision'));
  });

  it('says how long passed until the next situation when the next node is set for later', () => {
    const later = loadable({
      ...uiDrill,
      nodes: uiDrill.nodes.map((n) => (n.id === 'n2' && n.kind === 'decision' ? { ...n, at: '1d' } : n)),
    });
    const store = storeWith([later]);
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    store.getState().decide('report');
    renderWithStore(<App />, store);
    expect(screen.getByText(/耗时 1 小时/)).toHaveTextContent(
      '耗时 1 小时；又过了 23 小时，局面有了变化，推演时间现为 2026年1月9日（周五）08:00。',
    );
  });

  it('shows a duty to report that ran out during this decision, naming the decision that created it', () => {
    const drill = loadable(
      fakeWorldScenario({
        id: 'duty-drill',
        references: [fakeLaw()],
        powers: [
          {
            id: 'lockdown',
            name: '停业停课',
            holders: ['city'],
            report: { to: 'province', within: '2h' },
            basis: ['law-1'],
          },
        ],
        nodes: [
          fakeDecision({
            choices: [{ id: 'act', label: '停业停课', takes: '1h', power: 'lockdown', feedback: '已停。', next: 'n2' }],
          }),
          fakeDecision({
            id: 'n2',
            title: '第二天',
            choices: [{ id: 'later', label: '忙别的', takes: '1d', feedback: '一天过去了。', next: 'n3' }],
          }),
          fakeDecision({
            id: 'n3',
            title: '第三天',
            choices: [
              { id: 'tell', label: '报省里', takes: '1h', reports: ['lockdown'], feedback: '报了。', next: 'end' },
            ],
          }),
          { id: 'end', kind: 'ending', title: '结束', text: '结束。' },
        ],
      }),
    );
    const store = storeWith([drill]);
    store.getState().startRun('duty-drill');
    store.getState().beginDecisions();
    store.getState().decide('act');
    store.getState().proceed();
    store.getState().decide('later');
    renderWithStore(<App />, store);
    const events = screen.getByRole('list', { name: '本次决定的评分' });
    expect(events).toHaveTextContent('第 1 个决定采取“停业停课”后，依法应当在 2 小时之内向省人民政府报告');
    expect(events).toHaveTextContent('−10');
  });

  it('is accessible', async () => {
    const { container } = renderComponent();
    await expectAccessible(container);
  });
});
