// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { App } from '../shell/app';

function renderComponent() {
  const store = storeWith([uiDrill]);
  store.getState().startRun('ui-drill');
  return renderWithStore(<App />, store);
}

describe('<BriefingScreen>', () => {
  it('shows the situation, the role and how the three dimensions are scored', () => {
    renderComponent();
    expect(screen.getByRole('region', { name: '情况' })).toHaveTextContent('你是市卫生健康委员会主任。');
    expect(screen.getByRole('region', { name: '你的角色' })).toHaveTextContent('市卫生健康委员会主任');
    const scoring = screen.getByRole('region', { name: '怎样评分' });
    for (const label of ['时效', '依法', '协同']) expect(scoring).toHaveTextContent(label);
    expect(scoring).toHaveTextContent('60 分起评');
  });

  it('never shows the trainee the notes for instructors, which tell what each line teaches', () => {
    const store = storeWith([{ ...uiDrill, instructorNotes: '最好的一条线教的是：先报告。' }]);
    store.getState().startRun('ui-drill');
    renderWithStore(<App />, store);
    expect(screen.getByRole('region', { name: '情况' })).toBeInTheDocument();
    expect(screen.queryByText(/最好的一条线/)).toBeNull();
  });

  it('warns that some decisions are timed', () => {
    renderComponent();
    expect(screen.getByText(/有 1 个决定须在限时内作出/)).toBeInTheDocument();
  });

  it.each([
    ['x1', '限时：标准', /有 1 个决定须在限时内作出/],
    ['x2', '限时：放宽一倍', /教员已把每个限时放宽一倍/],
    ['off', '限时：不限时', /教员已取消限时：没有倒计时，也不会超时/],
  ] as const)('states the time limits the run started with (%s)', (setting, label, meaning) => {
    const store = storeWith([uiDrill]);
    store.getState().setTimeLimits(setting);
    store.getState().startRun('ui-drill');
    // A change after the start is for the next run, not this one.
    store.getState().setTimeLimits(setting === 'x1' ? 'off' : 'x1');
    renderWithStore(<App />, store);
    expect(screen.getByText(label)).toBeInTheDocument();
    expect(screen.getByText(meaning)).toBeInTheDocument();
  });

  it('starts the first decision, focused on the start button', async () => {
    const { store } = renderComponent();
    expect(screen.getByRole('button', { name: '开始推演' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: '接到医院报告' })).toBeInTheDocument();
    expect(store.getState().run?.view).toBe('decision');
  });

  it('is accessible', async () => {
    const { container } = renderComponent();
    await expectAccessible(container);
  });
});
