// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/accessibility';
import { fakeChoice } from '../../../test/fake-scenario';
import { uiDrill } from '../../../test/fixtures/ui-drill';
import { worldDrill } from '../../../test/fixtures/world-drill';
import { debrief } from '../../engine/debrief';
import { choose, currentDecision, start } from '../../engine/run';
import { TIMEOUT } from '../../engine/types';
import { load } from '../../scenario/load';
import type { Scenario } from '../../scenario/schema';
import { runMarkers } from '../cases-chart';
import { TimelineTable } from './timeline-table';

/** The drill as the app loads it, played by the engine: each step a second after it is shown. */
function played(drill: Scenario, steps: string[]) {
  const result = load(JSON.stringify(drill));
  if (!result.ok) throw new Error(`${drill.id} does not load`);
  const scenario = result.scenario;
  let state = start(scenario, 42);
  for (const step of steps) {
    const node = currentDecision(scenario, state);
    [state] = choose(scenario, state, step, step === TIMEOUT ? (node?.timeLimitSec ?? 0) * 1000 : 1000);
  }
  return { scenario, state };
}

function renderTable(drill: Scenario, steps: string[]) {
  const { scenario, state } = played(drill, steps);
  const rendered = render(<TimelineTable scenario={scenario} state={state} report={debrief(scenario, state)} />);
  const table = screen.getByRole('table', { name: '时间线' });
  const rows = within(table).getAllByRole('row');
  const cells = (row: HTMLElement | undefined) =>
    row
      ? within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent)
      : [];
  return { ...rendered, scenario, state, table, rows, cells };
}

describe('<TimelineTable>', () => {
  it('lists the decisions in order under the same columns, numbered as the chart’s markers', () => {
    const { scenario, state, rows, cells } = renderTable(uiDrill, ['report', 'publish']);
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['#', '推演时间', '实际用时', '情况', '决定', '得分']);
    const [first, second] = rows.slice(1).map(cells);
    expect(first?.slice(0, 4)).toEqual(['1', '1月8日 08:00', '1.0 秒', '接到医院报告']);
    expect(first?.[5]).toBe('依法 +10时效 +10');
    expect(second?.slice(0, 4)).toEqual(['2', '1月8日 09:00', '1.0 秒', '是否发布信息']);
    const numbers = runMarkers(scenario, state.timeline, state.injects).map((m) => m.label);
    expect(rows.slice(1).map((r) => r.id)).toEqual(numbers.map((n) => `decision-${n}`));
    expect(rows.slice(1).map((r) => cells(r)[0])).toEqual(numbers);
  });

  it('shows each choice’s consequence under it, as text that prints', () => {
    const { rows } = renderTable(uiDrill, ['report', 'publish']);
    const choice = within(rows[1] as HTMLElement).getAllByRole('cell')[4] as HTMLElement;
    expect(choice).toHaveTextContent(/^立即网络直报后果：报告已送达疾控机构。$/);
    // Plain text, not folded in a <details> that Chromium will not print open.
    expect(choice.querySelector('details')).toBeNull();
    expect(within(rows[2] as HTMLElement).getAllByRole('cell')[4]).toHaveTextContent('如实发布后果：传言平息。');
  });

  it('keeps a consequence’s paragraphs as lines, without the blank line between', () => {
    const drill = {
      ...uiDrill,
      nodes: uiDrill.nodes.map((n) =>
        n.id === 'n2' && n.kind === 'decision'
          ? { ...n, choices: [fakeChoice({ id: 'publish', feedback: '传言平息。\n\n热搜降了下去。', next: 'good' })] }
          : n,
      ),
    };
    const { rows } = renderTable(drill, ['report', 'publish']);
    expect(rows[2]?.querySelector('.timeline-note')?.textContent).toBe('后果：传言平息。\n热搜降了下去。');
  });

  it('marks a decision taken when the countdown ran out, and lists what was scored at the end', () => {
    const { rows, cells } = renderTable(uiDrill, [TIMEOUT, 'silence']);
    const first = rows[1] as HTMLElement;
    expect(first).toHaveClass('timed-out');
    expect(within(first).getByText('超时')).toHaveClass('badge', 'timeout');
    expect(cells(first)[4]).toBe('超时等待上级指示后果：半天过去了，没有人拿主意。');
    const closing = rows[rows.length - 1] as HTMLElement;
    expect(closing).toHaveClass('closing-row');
    expect(cells(closing)[3]).toBe('推演结束时计入');
    expect(cells(closing)[4]).toMatch(/时效 −\d+/);
  });

  it('puts each inject after the decision during which it fired, with its time, title and text', () => {
    const { rows, cells } = renderTable(worldDrill, ['isolate', 'wait']);
    expect(rows.slice(1).map((r) => r.id || r.className)).toEqual([
      'decision-1',
      'inject-rumour',
      'decision-2',
      'closing-row',
    ]);
    const inject = rows[2] as HTMLElement;
    expect(inject).toHaveClass('inject-row');
    expect(cells(inject).slice(0, 3)).toEqual(['!', '1月8日 10:00', '']);
    expect(cells(inject)[3]).toBe('事件：网上传言“封城”的传言在网上流传。');
  });

  it('is accessible', async () => {
    const { container } = renderTable(worldDrill, ['isolate', 'wait']);
    await expectAccessible(container);
  });
});
