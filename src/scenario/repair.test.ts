/**
 * Meaning checks beside shape errors: a file whose shape is not yet right is checked for meaning
 * on a repaired view (repair.ts), each problem at its place in the file.
 */
import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeLaw,
  fakeNumberVar,
  fakeScenario,
  fakeScoreRule,
} from '../../test/fake-scenario';
import { load } from './load';
import type { Problem } from './problem';
import type { Scenario } from './schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The problems of `scenario` as a file, with `edit` breaking its shape first. */
function problemsOf(scenario: Scenario, edit: (file: { [key: string]: Json }) => void): Problem[] {
  const file = JSON.parse(JSON.stringify(scenario)) as { [key: string]: Json };
  edit(file);
  const result = load(JSON.stringify(file));
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.shaped).toBeUndefined();
  return result.problems;
}

const pointers = (found: Problem[]) => found.map((p) => `${p.severity} ${p.pointer}`);

/** n1 → n2 → n3 → end, and n1 → end. */
const chain = () =>
  fakeScenario({
    nodes: [
      fakeDecision({ id: 'n1', choices: [fakeChoice({ id: 'a', next: 'n2' }), fakeChoice({ id: 'b', next: 'end' })] }),
      fakeDecision({ id: 'n2', choices: [fakeChoice({ id: 'c', next: 'n3' })] }),
      fakeDecision({ id: 'n3', choices: [fakeChoice({ id: 'd', next: 'end' })] }),
      fakeEnding(),
    ],
  });

const node = (file: { [key: string]: Json }, n: number) =>
  (file.nodes as { [key: string]: Json }[])[n] as { [key: string]: Json };
const choice = (file: { [key: string]: Json }, n: number, c: number) =>
  (node(file, n).choices as { [key: string]: Json }[])[c] as { [key: string]: Json };

describe('meaning beside shape', () => {
  it('reports a dangling next in one node beside a shape error in another, each at its place in the file', () => {
    const found = problemsOf(chain(), (file) => {
      choice(file, 1, 0).takes = '2小时';
      choice(file, 2, 0).next = 'nowhere';
    });
    expect(pointers(found)).toEqual(['error /nodes/1/choices/0/takes', 'error /nodes/2/choices/0/next']);
    expect(found[1]?.message).toMatch(/^去向节点「nowhere」不存在/);
  });

  it('knows a node left out by its id: no unknown next, no start, no dead end, nothing said cut off', () => {
    const found = problemsOf(chain(), (file) => {
      node(file, 1).title = 5;
    });
    expect(pointers(found)).toEqual(['error /nodes/1/title']);
    const start = problemsOf(chain(), (file) => {
      node(file, 0).text = ['x'];
    });
    expect(pointers(start)).toEqual(['error /nodes/0/text']);
  });

  it('maps places after a left-out item back to the file', () => {
    const scenario = fakeScenario({
      references: [fakeLaw({ id: 'r1' }), fakeLaw({ id: 'r2' })],
      nodes: [
        fakeDecision({
          choices: [fakeChoice({ score: [fakeScoreRule({ refs: ['r1', 'r2', 'ghost'] })] }), fakeChoice({ id: 'c2' })],
        }),
        fakeEnding(),
      ],
    });
    const found = problemsOf(scenario, (file) => {
      (file.references as { [key: string]: Json }[])[0] = { id: 'r1', kind: 'law' };
      choice(file, 0, 0).label = 1;
      choice(file, 0, 1).score = [{ dimension: 'legality', delta: 5, reason: '依法', refs: ['ghost'] }];
    });
    expect(pointers(found).slice(-1)).toEqual(['error /nodes/0/choices/1/score/0/refs/0']);
    expect(found.filter((p) => p.message.includes('「r1」'))).toEqual([]);
  });

  it('says nothing of a variable, timeout choice or opened node known only from a part left out', () => {
    const scenario = fakeScenario({
      variables: [fakeNumberVar({ id: 'alert', visible: true })],
      nodes: [
        fakeDecision({
          timeLimitSec: 60,
          timeoutChoice: 'late',
          choices: [
            fakeChoice({ effects: [{ var: 'alert', op: 'add', value: 1 }] }),
            fakeChoice({ id: 'late', next: 'end' }),
          ],
        }),
        fakeDecision({ id: 'crisis', choices: [fakeChoice({ id: 'back', next: '$return' })] }),
        fakeEnding(),
      ],
      injects: [fakeInject({ opens: 'crisis' })],
    });
    const found = problemsOf(scenario, (file) => {
      (file.variables as { [key: string]: Json }[])[0] = { id: 'alert', type: 'number' };
      choice(file, 0, 1).feedback = 7;
      choice(file, 0, 0).next = 'nowhere';
      (file.injects as { [key: string]: Json }[])[0] = { id: 'i1', opens: 'crisis', at: 'soon' };
    });
    // The shape errors, and the one meaning error there is: the checks did run.
    const meaning = found.filter((p) => !/^\/(injects\/0|variables\/0|nodes\/0\/choices\/1)\//.test(p.pointer));
    expect(pointers(meaning)).toEqual(['error /nodes/0/choices/0/next']);
  });

  it('does not say again, as a meaning error, what a shape error at the same place says', () => {
    const found = problemsOf(chain(), (file) => {
      file.start = 5;
    });
    expect(pointers(found)).toEqual(['error /start']);
  });

  it('skips what needs the whole file: unused references, nodes never reached', () => {
    const scenario = fakeScenario({
      references: [fakeLaw({ id: 'cited' })],
      nodes: [
        fakeDecision({
          choices: [fakeChoice({ score: [fakeScoreRule({ refs: ['cited'] })] }), fakeChoice({ id: 'c2' })],
        }),
        fakeDecision({ id: 'lonely', choices: [fakeChoice({ id: 'c3' })] }),
        fakeEnding(),
      ],
    });
    const found = problemsOf(scenario, (file) => {
      choice(file, 0, 0).label = 1;
    });
    expect(pointers(found)).toEqual(['error /nodes/0/choices/0/label']);
  });

  it('checks only the shape where too little would be left to check: a law year, a list that is not a list', () => {
    const withDangling = (edit: (file: { [key: string]: Json }) => void) =>
      problemsOf(chain(), (file) => {
        choice(file, 2, 0).next = 'nowhere';
        edit(file);
      });
    expect(
      pointers(
        withDangling((file) => {
          file.legalFramework = 'new';
        }),
      ),
    ).toEqual(['error /legalFramework']);
    expect(
      pointers(
        withDangling((file) => {
          file.variables = {};
        }),
      ),
    ).toEqual(['error /variables']);
  });
});
