import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding, fakeScenario } from '../../../test/fake-scenario';
import { load } from '../load';
import type { Scenario } from '../schema';
import { branchingNote } from './branching';

const step = (id: string, ...next: string[]) =>
  fakeDecision({ id, choices: next.map((to, c) => fakeChoice({ id: `c${c}`, next: to })) });

/** n1 → n2 → n3 → n4 → end: four decisions, none branching. */
const line = fakeScenario({
  nodes: [step('n1', 'n2'), step('n2', 'n3'), step('n3', 'n4'), step('n4', 'end'), fakeEnding()],
});

/** n1 → (n2 | n3) → end: three decisions, one branching — a third, enough. */
const fork = fakeScenario({
  nodes: [step('n1', 'n2', 'n3'), step('n2', 'end'), step('n3', 'end'), fakeEnding()],
});

function problems(scenario: Scenario) {
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

describe('lint: branches that matter', () => {
  it('warns, on the nodes, when fewer than a third of the main-line decisions branch, saying how to mend it', () => {
    expect(problems(line)).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes',
        message: expect.stringMatching(
          /^主线上 4 个决定只有 0 个会分岔，不到三分之一.*再让至少 2 个决定分岔.*“节点与选项”/,
        ),
      },
    ]);
  });

  it('does not warn at a third, nor on a drill of fewer than three decisions', () => {
    expect(problems(fork)).toEqual([]);
    expect(problems(fakeScenario())).toEqual([]);
  });

  it('does not judge a file whose shape is still broken: what a left-out part does is not known', () => {
    const broken = JSON.parse(JSON.stringify(line));
    broken.title = 7;
    const result = load(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.pointer)).not.toContain('/nodes');
  });

  it('says the figures as a note for the whole drill', () => {
    expect(branchingNote(line)).toBe('主线上 4 个决定中 0 个会分岔；从开局到结局共 1 条路线。');
    expect(branchingNote(fork)).toBe('主线上 3 个决定中 1 个会分岔；从开局到结局共 2 条路线。');
  });
});
