/** Lint: placeholders in texts, checked through `load` at their JSON pointers. */
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
import { textDrill } from '../../../test/fixtures/text-drill';
import { load } from '../load';
import type { Problem } from '../problem';
import type { Scenario } from '../schema';
import { MAX_SITUATION_CHARS } from './screen';

function problemsOf(scenario: Scenario): Problem[] {
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

const variables = [
  fakeNumberVar({ id: 'rumour', min: 0, max: 100, visible: true }),
  fakeBooleanVar({ id: 'told', visible: true }),
];
const drill = (text: string, feedback = '好。') =>
  fakeScenario({ variables, nodes: [fakeDecision({ text, choices: [fakeChoice({ feedback })] }), fakeEnding()] });

describe('lint: placeholders', () => {
  it('accepts every placeholder in every field that fills it', () => {
    expect(problemsOf(textDrill)).toEqual([]);
  });

  it('names an unknown placeholder where it is, with the one meant and the whole list', () => {
    expect(problemsOf(drill('现在是{{tiem}}。'))).toEqual([
      {
        severity: 'error',
        pointer: '/nodes/0/text',
        message:
          '「{{tiem}}」不是占位符：是不是「{{time}}」？占位符只有 {{time}}、{{date}}、{{clock}}、{{day}} 和 {{var:变量id}}。',
      },
    ]);
    expect(problemsOf(drill('{{Date}}'))[0]?.message).toContain('是不是「{{date}}」？');
    expect(problemsOf(drill('{{rumour}}'))[0]?.message).toContain('是不是「{{var:rumour}}」？');
    expect(problemsOf(drill('{{天}}'))[0]?.message).toBe(
      '「{{天}}」不是占位符：占位符只有 {{time}}、{{date}}、{{clock}}、{{day}} 和 {{var:变量id}}。',
    );
  });

  it('names a variable that is not declared, with the one meant', () => {
    expect(problemsOf(drill('好。', '热度 {{var:rumor}}'))).toEqual([
      {
        severity: 'error',
        pointer: '/nodes/0/choices/0/feedback',
        message:
          '占位符「{{var:rumor}}」里的变量「rumor」没有声明：是不是「rumour」？改成 variables 里已声明的变量 id。',
      },
    ]);
    expect(problemsOf(drill('{{var: told}}'))[0]?.message).toBe(
      '占位符「{{var: told}}」里不能有空格：写成「{{var:told}}」。',
    );
  });

  it('says where placeholders work when one is in a title or a label', () => {
    const scenario = fakeScenario({
      title: '{{date}}的演练',
      injects: [fakeInject({ id: 'x', title: '{{time}}来电', text: '{{time}}', at: '1h' })],
      nodes: [fakeDecision({ choices: [fakeChoice({ label: '到{{clock}}再说' })] }), fakeEnding()],
    });
    const problems = problemsOf(scenario);
    expect(problems.map((p) => [p.severity, p.pointer])).toEqual([
      ['error', '/title'],
      ['error', '/nodes/0/choices/0/label'],
      ['error', '/injects/0/title'],
    ]);
    expect(problems[0]?.message).toBe(
      '这里的「{{date}}」不会被替换，学员会看到花括号：占位符只在决策节点和结局的 text、选项的 feedback、插入事件的 text、结局段落（details）的 text里起作用，标题、选项文字和名称里请直接写出内容。',
    );
  });

  it('finds a placeholder however JSON writes its braces: escaped (\\u007b, either case) or half escaped', () => {
    const scenario = fakeScenario({
      title: '{{date}}的演练',
      variables,
      nodes: [fakeDecision({ text: '{{tiem}}', choices: [fakeChoice({ feedback: '{{var:rumour}}' })] }), fakeEnding()],
    });
    const text = JSON.stringify(scenario);
    const found = problemsOf(scenario);
    expect(found.map((p) => p.pointer)).toEqual(['/nodes/0/text', '/title']);
    for (const escaped of ['\\u007b\\u007b', '\\u007B\\u007B', '{\\u007b', '\\u007B{']) {
      const written = text.replaceAll('{{', escaped);
      expect(written).not.toContain('{{');
      const result = load(written);
      expect(result.ok ? result.warnings : result.problems).toEqual(found);
    }
  });

  it('warns of a {{ left open, and of nothing when no braces pair', () => {
    expect(problemsOf(drill('现在是{{time。'))).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0/text',
        message: '这段文字里有「{{」没有配对的「}}」，会原样显示给学员：占位符写成 {{time}} 这样，或删去多余的花括号。',
      },
    ]);
    expect(problemsOf(drill('{time} 和 }} 都只是文字。'))).toEqual([]);
  });

  it('counts a variable shown in a text as used', () => {
    const hidden = [fakeNumberVar({ id: 'rumour', min: 0, max: 100 })];
    const used = fakeScenario({
      variables: hidden,
      nodes: [fakeDecision({ text: '热度 {{var:rumour}}。' }), fakeEnding()],
    });
    expect(problemsOf(used)).toEqual([]);
    const unused = fakeScenario({ variables: hidden });
    expect(problemsOf(unused).map((p) => p.pointer)).toEqual(['/variables/0/id']);
  });

  it('counts a placeholder at its longest on the decision screen', () => {
    const exact = '情'.repeat(MAX_SITUATION_CHARS - '12月31日 23:59'.length);
    expect(problemsOf(drill(`${exact}{{time}}`))).toEqual([]);
    expect(problemsOf(drill(`${exact}情{{time}}`))).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0/text',
        message: `节点「n1」的情况说明有 ${MAX_SITUATION_CHARS + 1} 个字（占位符按最长的填法计），决策页面最多放 ${MAX_SITUATION_CHARS} 个字，学员要滚动才能看到选项：把它拆成两个节点（先交代情况、再作决定，或把决定分成两步），或删减文字。`,
      },
    ]);
  });
});
