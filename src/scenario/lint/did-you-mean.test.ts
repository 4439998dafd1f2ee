import { describe, expect, it } from 'vitest';
import { fakeBooleanVar, fakeChoice, fakeDecision, fakeEnding, fakeScenario } from '../../../test/fake-scenario';
import { load } from '../load';
import { didYouMean } from './did-you-mean';

describe('did you mean', () => {
  it('names the nearest declared id within a third of the length', () => {
    expect(didYouMean('verfy', ['verify', 'report', 'end'])).toBe('是不是「verify」？');
    expect(didYouMean('end_god', ['end_good', 'end_bad'])).toBe('是不是「end_good」？');
  });

  it('finds the same id in another case', () => {
    expect(didYouMean('QsGov', ['qsGov', 'lcGov'])).toBe('是不是「qsGov」？');
  });

  it('says nothing when nothing is near', () => {
    expect(didYouMean('nowhere', ['n1', 'end'])).toBe('');
    expect(didYouMean('x', [])).toBe('');
  });
});

describe('messages that name an unknown id', () => {
  const messages = (scenario: ReturnType<typeof fakeScenario>) => {
    const result = load(JSON.stringify(scenario));
    return result.ok ? [] : result.problems.map((p) => `${p.pointer} ${p.message}`);
  };

  it('ask whether the nearest node, variable or start was meant', () => {
    const scenario = fakeScenario({
      start: 'N1',
      variables: [fakeBooleanVar({ id: 'reported', visible: true })],
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({ effects: [{ op: 'set', var: 'reportd', value: true }], next: 'endd' }),
            fakeChoice({
              id: 'c2',
              next: [{ when: { var: 'reprted', op: '==', value: true }, to: 'end' }, { to: 'end' }],
            }),
          ],
        }),
        fakeEnding(),
      ],
    });
    const found = messages(scenario);
    expect(found).toContainEqual(expect.stringMatching(/^\/start 开局节点「N1」不存在：是不是「n1」？/));
    expect(found).toContainEqual(
      expect.stringMatching(/^\/nodes\/0\/choices\/0\/next 去向节点「endd」不存在：是不是「end」？/),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/effects\/0\/var 变量「reportd」没有声明：是不是「reported」？/),
    );
    expect(found).toContainEqual(expect.stringMatching(/when\/var 变量「reprted」没有声明：是不是「reported」？/));
  });
});
