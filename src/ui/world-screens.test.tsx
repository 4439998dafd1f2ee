// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { worldDrill } from '../../test/fixtures/world-drill';
import { renderWithStore, storeWith } from '../../test/render-app';
import { playThrough } from '../../test/run-to';
import { App } from '../shell/app';

function renderAt(choices: string[], opts: { stopAtConsequence?: boolean } = {}) {
  const store = storeWith([worldDrill]);
  playThrough(store, 'world-drill', choices);
  if (opts.stopAtConsequence) {
    // playThrough proceeds after each decision; step back onto the last consequence.
    store.setState((s) => {
      if (s.run) s.run.view = 'consequence';
    });
  }
  return renderWithStore(<App />, store);
}

describe('the world on the run screens', () => {
  it('shows each region’s cases, deaths, patients against beds and trust on the decision screen', () => {
    renderAt([]);
    const board = screen.getByRole('region', { name: /各地态势/ });
    const rows = within(board).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('云湾市（本地）');
    expect(rows[1]).toHaveTextContent('60'); // cumulative: 40 exposed + 20 infectious
    expect(rows[2]).toHaveTextContent('北溪市');
    expect(within(board).getByRole('table', { name: '物资库存' })).toHaveTextContent('50');
  });

  it('draws each region’s cases over time as a chart with a text summary', async () => {
    renderAt([]);
    expect(
      await screen.findByRole('img', { name: /各地累计感染随推演时间的变化：云湾市 60 → 60；北溪市 0 → 0/ }),
    ).toBeInTheDocument();
  });

  it('after a decision, shows the measures taken, the inject that fired, and what changed in each region', async () => {
    renderAt(['isolate'], { stopAtConsequence: true });
    const changes = screen.getByRole('region', { name: '态势变化' });
    expect(changes).toHaveTextContent('云湾市：发现并隔离约 50% 的感染者');
    expect(changes).toHaveTextContent('向北溪市通报疫情信息');
    expect(changes).toHaveTextContent('网上传言');
    const table = within(changes).getByRole('table', { name: '各地变化' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/云湾市\+\d+/);
    // The board and chart moved on with the day that passed.
    expect(await screen.findByRole('img', { name: /云湾市 60 → (6[1-9]|[7-9]\d|\d{3,})/ })).toBeInTheDocument();
  });

  it('scores a power the trainee does not hold automatically, citing its basis', () => {
    renderAt(['warn-alone'], { stopAtConsequence: true });
    const events = screen.getByRole('list', { name: '本次决定的评分' });
    expect(events).toHaveTextContent(/市卫生健康委员会无权自行[「“]发布传染病预警[」”]/);
    expect(events).toHaveTextContent('−15');
    expect(events).toHaveTextContent('第五十三条');
  });

  it('shows the regions’ results and the injects in the debrief', async () => {
    renderAt(['isolate', 'wait']);
    // Below the fold: drawn a frame after the debrief's top (useAfterFirstPaint).
    expect(await screen.findByRole('region', { name: '各地结果' }, { timeout: 10_000 })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: '时间线' })).getAllByRole('row');
    expect(rows.some((r) => r.textContent?.includes('事件：网上传言'))).toBe(true);
    expect(screen.getByRole('list', { name: '协同评分事件' })).toHaveTextContent('及时向北溪市通报疫情信息');
    expect(screen.getByRole('list', { name: '时效评分事件' })).toHaveTextContent(
      '若把你的 1 项防控措施都提前到开局时开始',
    );
  });

  it('is accessible', async () => {
    const { container } = renderAt(['isolate'], { stopAtConsequence: true });
    await expectAccessible(container);
  });
});
