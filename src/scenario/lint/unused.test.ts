import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeLaw,
  fakeNumberVar,
  fakeScenario,
  fakeScoreRule,
} from '../../../test/fake-scenario';
import { load } from '../load';

const warnings = (scenario: ReturnType<typeof fakeScenario>) => {
  const result = load(JSON.stringify(scenario));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  // The scale's warnings on a one-decision drill are another rule's business.
  return result.warnings.filter((w) => w.pointer !== '/scoring').map((w) => [w.pointer, w.message]);
};

describe('declarations nothing uses', () => {
  it('warns of a reference nothing cites, and not of one a score cites', () => {
    const scenario = fakeScenario({
      references: [fakeLaw({ id: 'cited' }), fakeLaw({ id: 'idle', article: '第二条' })],
      nodes: [
        fakeDecision({ choices: [fakeChoice({ score: [fakeScoreRule({ refs: ['cited'] })], next: 'end' })] }),
        fakeEnding(),
      ],
    });
    expect(warnings(scenario)).toEqual([['/references/1/id', expect.stringMatching(/^依据「idle」没有被任何评分/)]]);
  });

  it('warns of a variable neither shown nor read, and not of one shown or read by a condition', () => {
    const scenario = fakeScenario({
      variables: [
        fakeNumberVar({ id: 'shown', visible: true }),
        fakeBooleanVar({ id: 'read' }),
        fakeBooleanVar({ id: 'idle' }),
      ],
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({
              effects: [
                { op: 'set', var: 'read', value: true },
                { op: 'set', var: 'idle', value: true },
              ],
              next: [{ when: { var: 'read', op: '==', value: true }, to: 'end' }, { to: 'end' }],
            }),
          ],
        }),
        fakeEnding(),
      ],
    });
    expect(warnings(scenario)).toEqual([['/variables/2/id', expect.stringMatching(/^变量「idle」既不显示给学员/)]]);
  });
});
