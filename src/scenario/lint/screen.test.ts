/**
 * Lint: what the decision screen can hold. Each problem is checked through `load`, at its JSON
 * pointer, with its Chinese message.
 */
import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding, fakeScenario } from '../../../test/fake-scenario';
import { load } from '../load';
import type { Problem } from '../problem';
import type { Choice, Scenario } from '../schema';
import { MAX_CHOICE_LABEL_CHARS, MAX_CHOICES_SHOWN, MAX_DECISION_SCREEN_CHARS, MAX_SITUATION_CHARS } from './screen';

function problemsOf(scenario: Scenario): Problem[] {
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

const text = (n: number) => '情'.repeat(n);

describe('lint: the decision screen', () => {
  const drill = (choices: Choice[], overrides: Parameters<typeof fakeDecision>[0] = {}) =>
    fakeScenario({ nodes: [fakeDecision({ choices, ...overrides }), fakeEnding()] });
  const few = (n: number, label = '决定') =>
    Array.from({ length: n }, (_, i) => fakeChoice({ id: `c${i + 1}`, label }));

  it('accepts a decision at every limit', () => {
    const choices = few(MAX_CHOICES_SHOWN);
    choices[0] = fakeChoice({ label: text(MAX_CHOICE_LABEL_CHARS) });
    expect(problemsOf(drill(choices, { text: text(MAX_SITUATION_CHARS) }))).toEqual([]);
  });

  it('warns of a situation text too long, with its length, the limit and how to fix it', () => {
    expect(problemsOf(drill(few(2), { text: text(MAX_SITUATION_CHARS + 1) }))).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0/text',
        message: `节点「n1」的情况说明有 601 个字，决策页面最多放 600 个字，学员要滚动才能看到选项：把它拆成两个节点（先交代情况、再作决定，或把决定分成两步），或删减文字。`,
      },
    ]);
  });

  it('warns of a choice label too long, at that label', () => {
    const choices = few(2);
    choices[1] = fakeChoice({ id: 'long', label: text(MAX_CHOICE_LABEL_CHARS + 5) });
    expect(problemsOf(drill(choices))).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0/choices/1/label',
        message: expect.stringMatching(/^选项「long」的文字有 95 个字，超过决策页面每个选项的 90 字：选项只写决定本身/),
      },
    ]);
  });

  it('warns of more choices than the screen holds, not counting one taken only on timeout', () => {
    const timeoutOnly = fakeChoice({ id: 'wait', label: '等待上级指示', timeoutOnly: true });
    const timed = { timeLimitSec: 30, timeoutChoice: 'wait' };
    expect(problemsOf(drill([...few(MAX_CHOICES_SHOWN), timeoutOnly], timed))).toEqual([]);
    expect(problemsOf(drill([...few(MAX_CHOICES_SHOWN + 1), timeoutOnly], timed))).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0/choices',
        message: expect.stringMatching(
          /^节点「n1」可能同时显示 7 个选项，决策页面最多放 6 个：合并相近的选项，或把它拆成两个节点/,
        ),
      },
    ]);
  });

  it('warns of title, text and choices that fit one by one but not together', () => {
    const choices = few(MAX_CHOICES_SHOWN, text(60));
    const found = problemsOf(drill(choices, { title: '接到报告', text: text(540) }));
    expect(found).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0',
        message: `节点「n1」的标题、情况说明和选项合计 904 个字，超过决策页面的 ${MAX_DECISION_SCREEN_CHARS} 字，学员要滚动才能看全：把它拆成两个节点（先交代情况、再作决定，或把决定分成两步），或删减文字。`,
      },
    ]);
  });

  it('says nothing about endings, whose text has its own screen', () => {
    expect(problemsOf(fakeScenario({ nodes: [fakeDecision(), fakeEnding({ text: text(1000) })] }))).toEqual([]);
  });
});
