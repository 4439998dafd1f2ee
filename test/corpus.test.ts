/**
 * Whole-corpus checks: every shipped drill — the template too, though the library leaves it out —
 * loads clean, can reach every node and ending, and quotes its sources verbatim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../scripts/project-sources';
import { drillFiles, libraryDrillFiles, TEMPLATE_FILE } from '../scripts/vite-shipped-drills';
import { choose, currentDecision, offeredChoices, start } from '../src/engine/run';
import { type RunState, TIMEOUT } from '../src/engine/types';
import { load } from '../src/scenario/load';
import { SCHEMA_VERSION, type Scenario } from '../src/scenario/schema';
import { checkQuote } from '../src/sources/quote-check';

const files = drillFiles('scenarios');
// The project's own copy, so a clone without ../shared beside it checks its quotes too.
const sources = readSources();

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

  it('quotes every law under the law, version, article, paragraph and item it names, and the lecture verbatim', () => {
    if (!result.ok) throw new Error('does not load');
    const wrong = (result.scenario.references ?? []).flatMap((ref) => {
      const mismatch = checkQuote(ref, sources);
      return mismatch ? [`${ref.id}: ${mismatch.message}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});

it('ships at least one drill', () => {
  expect(libraryDrillFiles('scenarios').length).toBeGreaterThan(0);
});

it('checks the template with the drills but keeps it out of the trainee’s library', () => {
  expect(files).toContain(TEMPLATE_FILE);
  expect(libraryDrillFiles('scenarios')).toEqual(files.filter((f) => f !== TEMPLATE_FILE));
});
