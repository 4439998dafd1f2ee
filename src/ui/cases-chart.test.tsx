// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DRILL_LINES } from '../../test/lines/all';
import { playLine } from '../../test/lines/play-line';
import { load } from '../scenario/load';
import { CasesChart, placeLabels, runMarkers, timeTicks, timeToX } from './cases-chart';

const DAY = 1440;

describe('timeToX', () => {
  it('puts the start at the left edge and the end at the right', () => {
    expect(timeToX(0, 10 * DAY, 48, 386)).toBe(48);
    expect(timeToX(10 * DAY, 10 * DAY, 48, 386)).toBe(386);
  });

  it('rises with time and stays within the axis', () => {
    const xs = Array.from({ length: 200 }, (_, i) => timeToX(i * 72, 10 * DAY, 48, 386));
    for (const [i, x] of xs.entries()) if (i > 0) expect(x).toBeGreaterThan(xs[i - 1] ?? 0);
    expect(timeToX(-5, 10 * DAY, 48, 386)).toBe(48);
    expect(timeToX(11 * DAY, 10 * DAY, 48, 386)).toBe(386);
  });

  it('gives the first day of a ten-day run about a third of the width, not a tenth', () => {
    const share = (timeToX(DAY, 10 * DAY, 0, 1) - 0) / 1;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.35);
    // The first six hours still get an eighth of a 57-day run.
    expect(timeToX(360, 57 * DAY, 0, 1)).toBeGreaterThan(0.065);
  });
});

describe('timeTicks', () => {
  const ticks = (tMax: number, width: number) => {
    const x = (m: number) => timeToX(m, tMax, 48, width - 14);
    return timeTicks(tMax, x, width);
  };

  it('marks the early hours of a short run and whole days of a long one', () => {
    expect(ticks(DAY, 400).map((t) => t.label)).toEqual(['开局', '1小时', '3小时', '6小时', '12小时', '1天']);
    expect(ticks(10 * DAY, 400).map((t) => t.label)).toEqual(['开局', '6小时', '1天', '2天', '3天', '4天', '7天']);
    expect(ticks(57 * DAY, 640).map((t) => t.label)).toEqual([
      '开局',
      '6小时',
      '1天',
      '2天',
      '4天',
      '7天',
      '14天',
      '21天',
      '30天',
    ]);
  });

  it('never goes past the end of the run, and its labels do not touch', () => {
    for (const tMax of [DAY, 3 * DAY, 10 * DAY, 57 * DAY, 400 * DAY]) {
      for (const width of [400, 640]) {
        const taken = ticks(tMax, width);
        expect(taken[0]?.label).toBe('开局');
        for (const [i, t] of taken.entries()) {
          expect(t.minutes).toBeLessThanOrEqual(tMax);
          const prev = taken[i - 1];
          // 10px per CJK character, 6 per digit: half of each label and a gap between.
          if (prev) expect(t.x - prev.x).toBeGreaterThanOrEqual(16);
        }
      }
    }
  });
});

describe('placeLabels', () => {
  const label = (x: number, w = 7) => ({ x, w });
  const overlapping = (placed: { x: number; w: number; row: number }[]) =>
    placed.some((p, i) => placed.some((q, j) => j > i && p.row === q.row && Math.abs(p.x - q.x) < (p.w + q.w) / 2));

  it('leaves labels with room where their markers are, on the first row', () => {
    const placed = placeLabels([label(100), label(120)], 2, 40, 390);
    expect(placed.map(({ x, row }) => ({ x, row }))).toEqual([
      { x: 100, row: 0 },
      { x: 120, row: 0 },
    ]);
  });

  it('staggers labels that would touch onto the second row', () => {
    const placed = placeLabels([label(100), label(104)], 2, 40, 390);
    expect(placed.map(({ x, row }) => ({ x, row }))).toEqual([
      { x: 100, row: 0 },
      { x: 104, row: 1 },
    ]);
  });

  it('shows every label of a crowd, none overlapping, near its marker and within bounds', () => {
    const items = Array.from({ length: 12 }, (_, i) => label(60 + i, i < 9 ? 7 : 13));
    const placed = placeLabels(items, 2, 40, 390);
    expect(placed).toHaveLength(12);
    expect(overlapping(placed)).toBe(false);
    expect(new Set(placed.map((p) => p.row))).toEqual(new Set([0, 1]));
    for (const [i, p] of placed.entries()) {
      expect(p.x - p.w / 2).toBeGreaterThanOrEqual(40);
      expect(Math.abs(p.x - 60 - i)).toBeLessThan(40);
    }
    // A crowd at the very start is pushed right, not off the chart.
    const atStart = placeLabels(
      Array.from({ length: 6 }, () => label(48)),
      2,
      40,
      390,
    );
    expect(overlapping(atStart)).toBe(false);
    expect(Math.min(...atStart.map((p) => p.x - p.w / 2))).toBeGreaterThanOrEqual(40);
  });
});

describe('<CasesChart>', () => {
  const runs = DRILL_LINES.flatMap((drill) => {
    const result = load(readFileSync(drill.file, 'utf8'));
    if (!result.ok) throw new Error(`${drill.file} does not load`);
    const scenario = result.scenario;
    return (['best', 'waiting', 'worst'] as const).map((name) => {
      const { state } = playLine(scenario, drill[name]);
      return { name: `${drill.file} ${name}`, scenario, state };
    });
  });

  describe.each(runs)('$name', ({ scenario, state }) => {
    const markers = runMarkers(scenario, state.timeline, state.injects);
    it.each([
      [400, 190],
      [640, 260],
    ])('labels every decision and inject of the whole run at %i×%i, none overlapping', (width, height) => {
      const { container } = render(
        <CasesChart scenario={scenario} world={state.world} markers={markers} width={width} height={height} />,
      );
      expect(screen.getByRole('figure')).toHaveTextContent('时间轴前段放大');
      const labels = [...container.querySelectorAll('.marker text')].map((t) => ({
        text: t.textContent ?? '',
        x: Number(t.getAttribute('x')),
        y: Number(t.getAttribute('y')),
      }));
      const decisions = labels.filter((l) => l.text !== '!');
      expect(decisions.map((l) => l.text).sort((a, b) => Number(a) - Number(b))).toEqual(
        state.timeline.map((_, i) => String(i + 1)),
      );
      expect(labels.filter((l) => l.text === '!')).toHaveLength(state.injects.length);
      // On one row, numbers at least half of each apart (a digit is about 6 units wide at 10px), badges 11.
      const half = (l: { text: string }) => (l.text === '!' ? 5.5 : (l.text.length * 6) / 2);
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          if (a.y !== b.y) continue;
          expect(Math.abs(a.x - b.x), `${a.text} and ${b.text}`).toBeGreaterThanOrEqual(half(a) + half(b));
        }
      }
      for (const l of labels) {
        expect(l.x - half(l)).toBeGreaterThan(0);
        expect(l.x + half(l)).toBeLessThan(width);
      }
    });
  });

  it('titles each marker for hover and screen readers', () => {
    const { scenario, state } = runs[0] as (typeof runs)[number];
    const markers = runMarkers(scenario, state.timeline, state.injects);
    const { container } = render(<CasesChart scenario={scenario} world={state.world} markers={markers} />);
    const titles = [...container.querySelectorAll('.marker title')].map((t) => t.textContent);
    expect(titles).toContain('第 1 个决定');
    const first = scenario.injects?.find((i) => i.id === state.injects[0]?.id);
    expect(titles).toContain(`事件：${first?.title}`);
  });
});
