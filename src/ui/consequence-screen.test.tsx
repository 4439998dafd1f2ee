// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { App } from './app';

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
    expect(screen.getByRole('button', { name: '继续' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: '是否发布信息' })).toBeInTheDocument();
    expect(store.getState().run?.view).toBe('decision');
  });

  it('is accessible', async () => {
    const { container } = renderComponent();
    await expectAccessible(container);
  });
});
