import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeNumberVar,
  fakeScenario,
  fakeScoreRule,
} from '../../../test/fake-scenario';
import { lint } from './index';

describe('checkNodes', () => {
  // The path is one stack pushed and popped as the checks go down (lint/nodes.ts): a push left
  // unpopped would move every pointer after it.
  it('names each problem at its own place, in the order found, when several choices and nodes have them', () => {
    const scenario = fakeScenario({
      start: 'a',
      variables: [fakeNumberVar({ id: 'v', visible: true })],
      nodes: [
        fakeDecision({
          id: 'a',
          choices: [
            fakeChoice({
              id: 'c0',
              when: { all: [{ var: 'v', op: '>=', value: 1 }, { not: { visited: 'nowhere' } }] },
              effects: [
                { op: 'add', var: 'v', value: 1 },
                { op: 'add', var: 'w', value: 1 },
              ],
              score: [fakeScoreRule({ refs: ['nope'] })],
              completes: ['never'],
              next: [{ when: { var: 'x', op: '==', value: 1 }, to: 'b' }, { to: 'ghost' }],
            }),
            fakeChoice({ id: 'c1', next: 'b' }),
            fakeChoice({ id: 'c1', effects: [{ op: 'add', var: 'y', value: 1 }], next: 'b' }),
          ],
        }),
        fakeDecision({ id: 'b', choices: [fakeChoice({ power: 'p', next: 'end' })] }),
        fakeEnding(),
      ],
    });
    const errors = lint(scenario)
      .filter((p) => p.severity === 'error')
      .map((p) => p.pointer);
    expect(errors).toEqual([
      '/nodes/0/choices/2/id',
      '/nodes/0/choices/0/when/all/1/not/visited',
      '/nodes/0/choices/0/effects/1/var',
      '/nodes/0/choices/0/completes/0',
      '/nodes/0/choices/0/score/0/refs/0',
      '/nodes/0/choices/0/next/0/when/var',
      '/nodes/0/choices/0/next/1/to',
      '/nodes/0/choices/2/effects/0/var',
      '/nodes/1/choices/0/power',
    ]);
  });

  it('says a choice taken only when time runs out must be its node’s timeout choice, and nothing when it is', () => {
    const node = (timeoutChoice: string) =>
      fakeDecision({
        id: 'a',
        timeLimitSec: 60,
        timeoutChoice,
        choices: [fakeChoice({ id: 'c0', next: 'end' }), fakeChoice({ id: 'late', timeoutOnly: true, next: 'end' })],
      });
    const problems = (timeoutChoice: string) =>
      lint(fakeScenario({ start: 'a', nodes: [node(timeoutChoice), fakeEnding()] })).filter(
        (p) => p.severity === 'error',
      );
    expect(problems('c0')).toEqual([
      expect.objectContaining({
        pointer: '/nodes/0/choices/1/timeoutOnly',
        message: expect.stringContaining('只在超时时采取的选项必须是本节点的 timeoutChoice'),
      }),
    ]);
    expect(problems('late')).toEqual([]);
  });
});
