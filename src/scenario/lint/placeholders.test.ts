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
import type { Scenario } from '../schema';

const variables = [fakeNumberVar({ id: 'queue', label: '排队人数', min: 0, max: 100, initial: 3, unit: '人' })];

function problemsOf(scenario: Scenario): Problem[] {
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

const drill = (text: string, feedback = '好。', label = '立即上报') =>
  fakeScenario({
    variables,
    nodes: [fakeDecision({ text, choices: [fakeChoice({ feedback, label })] }), fakeEnding()],
  });

describe('lint: placeholders in text', () => {
  it('accepts the time forms and a declared variable wherever text is filled', () => {
    const scenario = {
      ...drill('{{time}} {{date}} {{clock}} {{day}} {{var:queue}}', '{{var:queue}}'),
      injects: [fakeInject({ text: '{{time}}' })],
    };
    expect(problemsOf(scenario)).toEqual([]);
  });

  it('refuses an unknown placeholder, saying what was probably meant', () => {
    expect(problemsOf(drill('{{tme}}起 {{var:queue}}'))).toEqual([
      {
        severity: 'error',
        pointer: '/nodes/0/text',
        message: expect.stringMatching(/^占位符 \{\{tme\}\} 不认识：是不是「time」？可用的有/),
      },
    ]);
    expect(problemsOf(drill('{{var:queue}}', '还剩 {{var:queu}}'))).toEqual([
      {
        severity: 'error',
        pointer: '/nodes/0/choices/0/feedback',
        message: expect.stringContaining('变量「queu」没有声明：是不是「queue」？'),
      },
    ]);
  });

  it('warns of a {{ left open, and of a placeholder where text is shown as written', () => {
    expect(problemsOf(drill('{{time 起 {{var:queue}}'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '/nodes/0/text',
        message: expect.stringContaining('没有配对的 }}'),
      }),
    ]);
    expect(problemsOf(drill('{{var:queue}}', '好', '{{time}}前上报'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '/nodes/0/choices/0/label',
        message: expect.stringContaining('占位符不会被替换'),
      }),
    ]);
  });
});
