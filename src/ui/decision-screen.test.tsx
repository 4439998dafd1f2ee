// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../shell/app';

function renderComponent() {
  const store = storeWith([uiDrill]);
  store.getState().startRun('ui-drill');
  store.getState().beginDecisions();
  return renderWithStore(<App />, store);
}

describe('<DecisionScreen>', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-11-29T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the situation, the in-game clock, the status panel and the offered choices', () => {
    renderComponent();
    expect(screen.getByRole('heading', { level: 1, name: '接到医院报告' })).toBeInTheDocument();
    expect(screen.getByText('市一院报告三例不明原因肺炎。')).toBeInTheDocument();
    expect(screen.getByLabelText('推演时间')).toHaveTextContent('2026年1月8日（周四）08:00');
    expect(screen.getByRole('region', { name: '情况指标' })).toHaveTextContent('公众信任60');
    const choices = within(screen.getByRole('list', { name: /你的决定/ })).getAllByRole('button');
    // The timeout-only choice is never offered as a button.
    expect(choices.map((c) => c.textContent)).toEqual(['1立即网络直报', '2先派人核实']);
  });

  it('takes a choice by its number key', async () => {
    const { store } = renderComponent();
    await userEvent.keyboard('2');
    expect(store.getState().run?.decisions.map((d) => d.choiceId)).toEqual(['verify']);
    expect(screen.getByRole('heading', { level: 1, name: '先派人核实' })).toBeInTheDocument();
  });

  it('[regression] ignores a number key held down from the previous screen', () => {
    const { store } = renderComponent();
    fireEvent.keyDown(window, { key: '1', repeat: true });
    expect(store.getState().run?.decisions).toEqual([]);
    fireEvent.keyDown(window, { key: '1' });
    expect(store.getState().run?.decisions.map((d) => d.choiceId)).toEqual(['report']);
  });

  it('says in the heading’s description that the decision is timed', () => {
    renderComponent();
    expect(screen.getByRole('heading', { level: 1 })).toHaveAccessibleDescription(
      '须在 30 秒内作出决定，否则按默认处置。',
    );
  });

  it('takes a choice by mouse', async () => {
    const { store } = renderComponent();
    await userEvent.click(screen.getByRole('button', { name: /立即网络直报/ }));
    await waitFor(() => expect(store.getState().run?.decisions.map((d) => d.choiceId)).toEqual(['report']));
  });

  it('counts down, warns in the last 10 seconds, and records a timeout when time runs out', async () => {
    const { store } = renderComponent();
    const timer = screen.getByRole('timer', { name: '剩余时间' });
    expect(timer).toHaveTextContent('30 秒');
    expect(timer).not.toHaveClass('warning');
    await act(async () => {
      vi.advanceTimersByTime(20_500);
    });
    expect(timer).toHaveTextContent('10 秒');
    expect(timer).toHaveClass('warning');
    expect(timer).toHaveTextContent('只剩 10 秒');
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    const run = store.getState().run;
    expect(run?.decisions).toHaveLength(1);
    expect(run?.decisions[0]?.choiceId).toBe('$timeout');
    expect(screen.getByText('超时')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('等待上级指示');
  });

  it('lets a choice shown in time stand when the countdown runs out before the run has taken it', async () => {
    const { store, container } = renderComponent();
    // The consequences drawn ahead, hidden, as the page was idle.
    await waitFor(() => expect(container.querySelectorAll('.consequence-column')).toHaveLength(2));
    // No frame comes (a page in the background), so the run takes the choice only when something asks it to.
    const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      vi.setSystemTime(Date.now() + 29_800);
      await userEvent.click(screen.getByRole('button', { name: /先派人核实/ }));
      expect(screen.getByRole('heading', { level: 1, name: '先派人核实' })).toBeInTheDocument();
      expect(store.getState().run?.decisions).toEqual([]);
      // The countdown's next wake, when the number it shows would change (within a second), finds the 30 seconds
      // gone: the choice shown goes in first, and no timeout after it.
      await act(async () => {
        vi.advanceTimersByTime(1_000);
      });
      const [decision, ...rest] = store.getState().run?.decisions ?? [];
      expect(decision?.choiceId).toBe('verify');
      expect(decision?.realMs).toBeLessThan(30_000);
      expect(rest).toEqual([]);
      expect(screen.getByRole('heading', { level: 1, name: '先派人核实' })).not.toHaveTextContent('超时');
    } finally {
      frame.mockRestore();
    }
  });

  it('under the instructor’s ×2, counts down twice the drill’s limit and says so', async () => {
    const store = storeWith([uiDrill]);
    store.getState().setTimeLimits('x2');
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    renderWithStore(<App />, store);
    const timer = screen.getByRole('timer', { name: '剩余时间' });
    expect(timer).toHaveTextContent('60 秒');
    expect(timer).toHaveTextContent('限时（放宽一倍）');
    await act(async () => {
      vi.advanceTimersByTime(40_000);
    });
    expect(store.getState().run?.decisions).toHaveLength(0);
    expect(timer).toHaveTextContent('20 秒');
  });

  it('with time limits off, shows no countdown, says the limit was lifted, and never times out', async () => {
    const store = storeWith([uiDrill]);
    store.getState().setTimeLimits('off');
    store.getState().startRun('ui-drill');
    store.getState().beginDecisions();
    renderWithStore(<App />, store);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText('不限时')).toBeInTheDocument();
    expect(screen.getByText(/原限时 30 秒，教员已取消/)).toBeInTheDocument();
    await act(async () => {
      vi.advanceTimersByTime(120_000);
    });
    expect(store.getState().run?.decisions).toHaveLength(0);
  });

  it('is accessible', async () => {
    const { container } = renderComponent();
    await expectAccessible(container);
  });
});

describe('the in-game time and variables in a drill’s text', () => {
  /** ui-drill with the second situation and a feedback telling the time and public trust. */
  const timed: typeof uiDrill = {
    ...uiDrill,
    nodes: uiDrill.nodes.map((n) =>
      n.kind === 'decision' && n.id === 'n2'
        ? { ...n, text: '{{time}}，网上传言越来越多。公众信任 {{var:trust}}。' }
        : n.kind === 'decision' && n.id === 'n1'
          ? {
              ...n,
              choices: n.choices.map((c) => (c.id === 'verify' ? { ...c, feedback: '{{clock}}，核实完毕。' } : c)),
            }
          : n,
    ),
  };

  it('shows each path its own time: the situation when it is met, the feedback when the decision is done', async () => {
    for (const [first, time, trust] of [
      ['report', '1月8日 09:00', '70'],
      ['verify', '1月8日 16:00', '60'],
    ] as const) {
      const store = storeWith([timed]);
      store.getState().startRun('ui-drill');
      store.getState().beginDecisions();
      const { unmount } = renderWithStore(<App />, store);
      await userEvent.click(screen.getByRole('button', { name: first === 'report' ? /立即网络直报/ : /先派人核实/ }));
      if (first === 'verify') expect(screen.getByText('16:00，核实完毕。')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: '继续' }));
      await waitFor(() => expect(store.getState().run?.view).toBe('decision'));
      expect(screen.getByText(`${time}，网上传言越来越多。公众信任 ${trust}。`)).toBeInTheDocument();
      unmount();
    }
  });
});
