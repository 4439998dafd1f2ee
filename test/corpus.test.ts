/** Whole-corpus checks: every shipped drill loads clean, can reach every node and ending, and quotes its sources verbatim. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedDrillFiles } from '../scripts/vite-shipped-drills';
import { choose, currentDecision, offeredChoices, start } from '../src/engine/run';
import { type RunState, TIMEOUT } from '../src/engine/types';
import { load } from '../src/scenario/load';
import { SCHEMA_VERSION, type Scenario } from '../src/scenario/schema';

const SHARED = join(__dirname, '..', '..', 'shared');
const files = shippedDrillFiles('scenarios');

/** Every move a trainee can make now: each offered choice, and letting the clock run out. */
function moves(scenario: Scenario, state: RunState): string[] {
  const node = currentDecision(scenario, state);
  if (!node) return [];
  const ids = offeredChoices(scenario, state).map((c) => c.id);
  return node.timeLimitSec !== undefined ? [...ids, TIMEOUT] : ids;
}

/** Nodes and endings reached by really playing (conditions evaluated), depth first, over a few seeds. */
function explore(scenario: Scenario, seeds: number[], budget = 200_000) {
  const nodes = new Set<string>();
  const endings = new Set<string>();
  const wanted = scenario.nodes.length;
  let steps = 0;
  for (const seed of seeds) {
    const seen = new Set<string>();
    const stack: RunState[] = [start(scenario, seed)];
    while (stack.length && steps < budget && nodes.size < wanted) {
      const state = stack.pop() as RunState;
      const key = JSON.stringify([state.nodeId, state.vars, state.clock, state.rng, Object.keys(state.completed)]);
      if (seen.has(key)) continue;
      seen.add(key);
      nodes.add(state.nodeId);
      if (state.ending) endings.add(state.ending);
      for (const move of moves(scenario, state)) {
        steps++;
        stack.push(choose(scenario, state, move, 1000)[0]);
      }
    }
  }
  return { nodes, endings, steps };
}

describe.each(files)('scenarios/%s', (file) => {
  const text = readFileSync(join('scenarios', file), 'utf8');
  const result = load(text);

  it('loads with no errors and no warnings', () => {
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
  });

  it('names the published schema and the current format version', () => {
    const raw = JSON.parse(text);
    expect(raw.$schema).toBe('./schema.json');
    expect(raw.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('can reach every node and every ending in play', () => {
    if (!result.ok) throw new Error('does not load');
    const { scenario } = result;
    const { nodes } = explore(scenario, [1, 2, 3, 4, 5]);
    expect(scenario.nodes.map((n) => n.id).filter((id) => !nodes.has(id))).toEqual([]);
  });

  // ../shared is beside every checkout here and in CI; elsewhere the check is skipped, never in CI.
  it.skipIf(!existsSync(SHARED) && !process.env.CI)(
    'quotes every law and lecture passage verbatim from ../shared',
    () => {
      if (!result.ok) throw new Error('does not load');
      const legal = readFileSync(join(SHARED, 'legal-sources.md'), 'utf8');
      const lecture = readFileSync(join(SHARED, 'lecture.txt'), 'utf8');
      const misquoted = (result.scenario.references ?? []).filter((ref) =>
        ref.kind === 'law' ? !legal.includes(ref.quote) : !lecture.includes(ref.quote),
      );
      expect(misquoted.map((r) => r.id)).toEqual([]);
    },
  );
});

it('ships at least one drill', () => {
  expect(files.length).toBeGreaterThan(0);
});
