import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeNumberVar,
  fakeScenario,
} from '../../../test/fake-scenario';
import { load } from '../load';
import type { Choice, Effect, Scenario } from '../schema';

const persuaded = fakeBooleanVar({ id: 'persuaded', label: '已说服' });
const calm = fakeNumberVar({ id: 'calm', label: '情绪平稳', min: 0, max: 100, initial: 50, visible: true });

const readPersuaded: Choice['next'] = [{ when: { var: 'persuaded', op: '==', value: true }, to: 'end' }, { to: 'end' }];

/** A drill whose one choice has `effects` and branches on `persuaded`. */
function drill(effects: Effect[], next: Choice['next'] = readPersuaded) {
  return fakeScenario({
    variables: [persuaded, calm],
    nodes: [fakeDecision({ choices: [fakeChoice({ effects, next })] }), fakeEnding()],
  });
}

/** The problems a drill loads with (the scale's, on a one-decision drill, left out), as [severity, pointer, message]. */
function problems(scenario: Scenario): [string, string, string][] {
  const result = load(JSON.stringify(scenario));
  const found = result.ok ? result.warnings : result.problems;
  return found.filter((p) => p.pointer !== '/scoring').map((p) => [p.severity, p.pointer, p.message]);
}

const AT = '/nodes/0/choices/0/effects/0';

describe('lint of an effect’s chance', () => {
  it('accepts a probability strictly between 0 and 1 on a variable a condition reads', () => {
    expect(problems(drill([{ op: 'set', var: 'persuaded', value: true, chance: 0.6 }]))).toEqual([]);
  });

  it('refuses a chance outside 0–1 in the shape, saying how to write a percentage', () => {
    for (const chance of [60, -0.1, 1.5]) {
      expect(problems(drill([{ op: 'set', var: 'persuaded', value: true, chance }]))).toEqual([
        ['error', `${AT}/chance`, expect.stringContaining('chance 是 0 到 1 之间的小数（概率）：60% 写成 0.6')],
      ]);
    }
  });

  it('warns of a chance of 0 (drop the effect) and of 1 (drop the chance)', () => {
    expect(problems(drill([{ op: 'set', var: 'persuaded', value: true, chance: 0 }]))).toEqual([
      ['warning', `${AT}/chance`, expect.stringMatching(/^chance 为 0，这条效果永远不会生效：删去这条效果/)],
    ]);
    expect(problems(drill([{ op: 'set', var: 'persuaded', value: true, chance: 1 }]))).toEqual([
      ['warning', `${AT}/chance`, expect.stringMatching(/^chance 为 1，这条效果总会生效.*删去 chance/)],
    ]);
  });

  it('warns of a roll on a variable no condition reads and the trainee does not see', () => {
    const found = problems(drill([{ op: 'set', var: 'persuaded', value: true, chance: 0.5 }], 'end'));
    expect(found).toContainEqual([
      'warning',
      `${AT}/chance`,
      expect.stringContaining(
        '按概率改变变量「persuaded」，但没有条件读它，它也不显示，成败在学员那里看不出分别：在 next 的 when 里按它分支（如 {"var": "persuaded", "op": "==", "value": true}）',
      ),
    ]);
    // The variable itself is unused too: that is said where it is declared.
    expect(found.map((p) => p[1])).toContain('/variables/0/id');
  });

  it('does not warn of a roll on a variable the trainee sees', () => {
    expect(problems(drill([{ op: 'add', var: 'calm', value: -10, chance: 0.5 }]))).toEqual([]);
  });

  it('checks injects’ effects the same way', () => {
    const scenario = fakeScenario({
      variables: [persuaded],
      injects: [fakeInject({ effects: [{ op: 'set', var: 'persuaded', value: true, chance: 0.3 }] })],
      nodes: [fakeDecision(), fakeEnding()],
    });
    expect(problems(scenario)).toContainEqual([
      'warning',
      '/injects/0/effects/0/chance',
      expect.stringContaining('按概率改变变量「persuaded」'),
    ]);
  });
});

describe('lint of an effect’s condition', () => {
  it('names an undeclared variable, with a suggestion', () => {
    const effect: Effect = { op: 'add', var: 'calm', value: 5, when: { var: 'persuade', op: '==', value: true } };
    expect(problems(drill([effect]))).toEqual([
      ['error', `${AT}/when/var`, expect.stringMatching(/^变量「persuade」没有声明：.*persuaded/)],
    ]);
  });

  it('warns of a comparison that can never hold', () => {
    const effect: Effect = { op: 'set', var: 'persuaded', value: true, when: { var: 'calm', op: '>', value: 500 } };
    expect(problems(drill([effect]))).toEqual([
      ['warning', `${AT}/when`, expect.stringContaining('“> 500”永远不会成立')],
    ]);
  });

  it('refuses a comparison of the wrong type', () => {
    const effect: Effect = { op: 'add', var: 'calm', value: 5, when: { var: 'persuaded', op: '==', value: 3 } };
    expect(problems(drill([effect]))).toEqual([
      ['error', `${AT}/when/value`, expect.stringContaining('不能和 3 比较')],
    ]);
  });

  it('counts a variable an effect’s condition reads as read', () => {
    const scenario = fakeScenario({
      variables: [persuaded, calm],
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({
              effects: [
                { op: 'set', var: 'persuaded', value: true, chance: 0.5 },
                { op: 'add', var: 'calm', value: 20, when: { var: 'persuaded', op: '==', value: true } },
              ],
            }),
          ],
        }),
        fakeEnding(),
      ],
    });
    expect(problems(scenario)).toEqual([]);
  });
});
