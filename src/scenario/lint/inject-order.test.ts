import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeNumberVar,
  fakeScenario,
} from '../../../test/fake-scenario';
import { load } from '../load';
import type { Problem } from '../problem';
import type { Inject } from '../schema';

/** A drill whose start leads to an ending, with two nodes injects may open ("a" and "b"). */
function problemsWith(injects: Inject[]): Problem[] {
  const opened = (id: string) =>
    fakeDecision({ id, title: '突发', choices: [fakeChoice({ id: `${id}_back`, next: '$return' })] });
  const scenario = fakeScenario({
    nodes: [fakeDecision({ id: 'n1', choices: [fakeChoice({ takes: '2h' })] }), opened('a'), opened('b'), fakeEnding()],
    variables: [fakeNumberVar({ id: 'alert', visible: true })],
    injects,
  });
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

const timed = (id: string, at: string, opens: string) => fakeInject({ id, at, opens });
const onCondition = (id: string, when: Inject['when'], opens: string) => fakeInject({ id, at: undefined, when, opens });

describe('lint: two injects that open nodes at the same moment', () => {
  it('warns at the later of two set for the same time: the first in the file opens, the other waits', () => {
    expect(problemsWith([timed('x', '1h', 'a'), timed('y', '60m', 'b')])).toEqual([
      {
        severity: 'warning',
        pointer: '/injects/1/opens',
        message: expect.stringMatching(
          /^插入事件「x」和「y」都在开局后 1 小时发生，都要打开节点，而一个决定之后只打开一个：文件中靠前的「x」先，打开「a」；「y」要等学员在那里作出决定之后才发生并打开「b」（已走到结局就不再打开）。把两者的时间错开/,
        ),
      },
    ]);
  });

  it('warns of two on one condition, and of a timed one and one on time alone that meet', () => {
    const same = { var: 'alert', op: '>=', value: 1 } as const;
    const found = problemsWith([
      onCondition('x', same, 'a'),
      onCondition('y', { all: [same, { before: '1d' }] }, 'b'),
    ]).filter((p) => p.pointer.startsWith('/injects'));
    expect(found).toEqual([
      expect.objectContaining({
        pointer: '/injects/1/opens',
        message: expect.stringMatching(/^插入事件「x」和「y」条件相同，条件成立时会同时到期/),
      }),
    ]);
    const meet = problemsWith([onCondition('x', { after: '2h' }, 'a'), timed('y', '2h', 'b')]);
    expect(meet).toEqual([
      expect.objectContaining({
        pointer: '/injects/1/opens',
        message: expect.stringContaining('只写 at 的「y」先于写了 when 的「x」，打开「b」；「x」要等学员'),
      }),
    ]);
  });

  it('says when a timed one with a condition goes first only if its condition holds on time', () => {
    const found = problemsWith([
      onCondition('x', { after: '1h' }, 'a'),
      fakeInject({ id: 'y', at: '1h', when: { after: '30m' }, opens: 'b' }),
    ]);
    expect(found[0]?.message).toContain('「y」到点时条件已成立就是它先，否则按文件中的先后「x」先');
  });

  it('says nothing of injects at different times, on different conditions, or that open nothing', () => {
    expect(problemsWith([timed('x', '1h', 'a'), timed('y', '2h', 'b')])).toEqual([]);
    expect(
      problemsWith([
        onCondition('x', { var: 'alert', op: '>=', value: 1 }, 'a'),
        onCondition('y', { visited: 'n1' }, 'b'),
        timed('z', '1h', 'a'),
      ]),
    ).toEqual([]);
    expect(problemsWith([timed('x', '1h', 'a'), fakeInject({ id: 'y', at: '1h' }), timed('z', '5h', 'b')])).toEqual([]);
    // One condition's time is over before the other's begins.
    const same = { var: 'alert', op: '>=', value: 1 } as const;
    expect(
      problemsWith([
        onCondition('x', { all: [same, { before: '1d' }] }, 'a'),
        onCondition('y', { all: [same, { after: '1d' }] }, 'b'),
      ]),
    ).toEqual([]);
  });

  it('warns once for each inject that waits, naming the first it meets', () => {
    const found = problemsWith([timed('x', '1h', 'a'), timed('y', '1h', 'b'), timed('z', '1h', 'a')]);
    expect(found).toEqual([
      expect.objectContaining({
        pointer: '/injects/1/opens',
        message: expect.stringMatching(/^插入事件「x」和「y」都在/),
      }),
      expect.objectContaining({
        pointer: '/injects/2/opens',
        message: expect.stringMatching(/^插入事件「x」和「z」都在/),
      }),
    ]);
  });
});
