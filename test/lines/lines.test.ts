/**
 * The named lines of every shipped drill, in Node: each reaches its ending, and the best line
 * scores higher than the worst on every dimension and costs fewer lives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libraryDrillFiles } from '../../scripts/vite-shipped-drills';
import { metric } from '../../src/engine/world';
import { load } from '../../src/scenario/load';
import { DRILL_LINES } from './all';
import { playLine } from './play-line';

describe.each(DRILL_LINES)('$file', (lines) => {
  const result = load(readFileSync(lines.file, 'utf8'));
  if (!result.ok) throw new Error(`${lines.file} does not load`);
  const scenario = result.scenario;
  const played = {
    best: playLine(scenario, lines.best),
    waiting: playLine(scenario, lines.waiting),
    worst: playLine(scenario, lines.worst),
  };

  it.each(['best', 'waiting', 'worst'] as const)('the %s line reaches its ending', (name) => {
    expect(played[name].state.ending).toBe(lines[name].ending);
  });

  it('scores the best line higher than the worst on every dimension', () => {
    const best = played.best.report.dimensions;
    const worst = played.worst.report.dimensions;
    for (const [i, d] of best.entries()) expect(d.score, d.dimension).toBeGreaterThan(worst[i]?.score ?? 100);
  });

  it('costs fewer lives on the best line than on the waiting and the worst', () => {
    const deaths = (name: keyof typeof played) => metric(scenario, played[name].state.world, 'deaths');
    expect(deaths('best')).toBeLessThan(deaths('waiting'));
    expect(deaths('best')).toBeLessThan(deaths('worst'));
  });

  it('takes a timeout at least three times on the waiting line', () => {
    expect(played.waiting.state.timeline.filter((t) => t.timedOut).length).toBeGreaterThanOrEqual(3);
  });
});

it('names the lines of every drill in the trainee’s library', () => {
  expect(DRILL_LINES.map((l) => l.file).sort()).toEqual(
    libraryDrillFiles('scenarios')
      .map((f) => `scenarios/${f}`)
      .sort(),
  );
});
