// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../../test/accessibility';
import { uiDrill } from '../../../test/fixtures/ui-drill';
import { renderWithStore, storeWith } from '../../../test/render-app';
import { playThrough } from '../../../test/run-to';
import { replay } from '../../engine/run';
import { compareRuns } from '../../report/compare-runs';
import { App } from '../../shell/app';
import { WhatIfSandbox } from './what-if-sandbox';

const decisions = [
  { choiceId: 'verify', realMs: 4000 },
  { choiceId: 'silence', realMs: 3000 },
];
const realState = replay(uiDrill, 1, decisions);

function renderSandbox(from: number, onClose = vi.fn()) {
  render(
    <WhatIfSandbox
      scenario={uiDrill}
      seed={1}
      decisions={decisions}
      realState={realState}
      from={from}
      onClose={onClose}
    />,
  );
  return onClose;
}

describe('<WhatIfSandbox>', () => {
  it('opens at the chosen decision, marked as scoring nothing, the choice taken then marked', () => {
    renderSandbox(1);
    expect(screen.getByRole('note')).toHaveTextContent('不计分');
    expect(screen.getByRole('heading', { name: '第 2 个决定：是否发布信息' })).toHaveFocus();
    const choices = within(screen.getByRole('list', { name: '假设推演的选择' })).getAllByRole('button');
    expect(choices.map((c) => c.textContent)).toEqual(['1如实发布', '2暂不发布你当时的选择']);
  });

  it('plays another choice to the end and sets the outcome beside the real run', async () => {
    renderSandbox(1);
    await userEvent.click(screen.getByRole('button', { name: /如实发布/ }));
    expect(screen.getByRole('heading', { name: '假设推演的结局：疫情得到控制（较好的结局）' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '实际推演与假设推演' });
    const expected = compareRuns(
      uiDrill,
      realState,
      replay(uiDrill, 1, [decisions[0], { choiceId: 'publish', realMs: 0 }] as typeof decisions),
      1,
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual(expected.rows.map((r) => r.other));
    expect(rows[0]).toHaveTextContent('疫情失控');
    const differences = screen.getByRole('table', { name: '两次推演的不同之处' });
    expect(within(differences).getByRole('row', { name: /是否发布信息/ })).toHaveTextContent(
      '是否发布信息暂不发布如实发布',
    );
    expect(screen.getByRole('region', { name: '上一步的后果' })).toHaveTextContent('传言平息。');
  });

  it('answers by number key too', async () => {
    renderSandbox(1);
    await userEvent.keyboard('1');
    expect(screen.getByRole('heading', { name: '假设推演的结局：疫情得到控制（较好的结局）' })).toBeInTheDocument();
  });

  it('takes a step back, and closes', async () => {
    const onClose = renderSandbox(0);
    const back = screen.getByRole('button', { name: '撤回一步' });
    expect(back).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: /立即网络直报/ }));
    expect(screen.getByRole('heading', { name: '第 2 个决定：是否发布信息' })).toHaveFocus();
    await userEvent.click(back);
    expect(screen.getByRole('heading', { name: '第 1 个决定：接到医院报告' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '结束假设推演' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('is opened from any decision of the debrief’s timeline and leaves the saved run as it was', async () => {
    const store = storeWith([uiDrill]);
    playThrough(store, 'ui-drill', ['verify', 'silence']);
    const saved = JSON.stringify(store.getState().run);
    renderWithStore(<App />, store);
    // The timeline is below the fold: drawn a frame after the debrief's top (useAfterFirstPaint).
    await userEvent.click(
      await screen.findByRole('button', { name: '换个选择：从第 2 个决定起假设推演' }, { timeout: 10_000 }),
    );
    await userEvent.click(screen.getByRole('button', { name: /如实发布/ }));
    expect(screen.getByRole('table', { name: '实际推演与假设推演' })).toBeInTheDocument();
    expect(JSON.stringify(store.getState().run)).toBe(saved);
    // The real run's scores on the page are the real run's.
    expect(screen.getByRole('heading', { level: 1, name: '疫情失控' })).toBeInTheDocument();
  });

  it('is accessible', async () => {
    renderSandbox(0);
    await expectAccessible(document.body);
  });
});
