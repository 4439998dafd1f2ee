import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeNumberVar,
  fakeScenario,
  loadable,
} from '../../test/fake-scenario';
import { debrief } from './debrief';
import { fillText, placeholdersIn, shownLength } from './fill-text';
import { replay, start } from './run';

// clockStart 2026-01-08T08:00
const scenario = fakeScenario({
  variables: [
    fakeNumberVar({ id: 'queue', label: '排队人数', min: 0, max: 5000, initial: 300, unit: '人' }),
    fakeBooleanVar({ id: 'told', label: '已告知', initial: false }),
  ],
});
const DAY = 1440;

describe('fillText', () => {
  it('fills the in-game date and time, the day of the drill and a variable, at the moment given', () => {
    const moment = { clock: 2 * DAY + 390, vars: { queue: 1200, told: true } };
    expect(fillText('{{time}}，{{day}}', scenario, moment)).toBe('1月10日 14:30，第 3 天');
    expect(fillText('{{date}} {{clock}}', scenario, moment)).toBe('1月10日 14:30');
    expect(fillText('门口排了 {{var:queue}}，{{ var:told }}', scenario, moment)).toBe('门口排了 1200 人，是');
  });

  it('counts the start day as day 1, and the next calendar day as day 2 however soon it comes', () => {
    expect(fillText('{{day}}', scenario, { clock: 0, vars: {} })).toBe('第 1 天');
    // 08:00 + 16 h is midnight: a new day.
    expect(fillText('{{day}}', scenario, { clock: 16 * 60, vars: {} })).toBe('第 2 天');
  });

  it('leaves text without placeholders, and a placeholder it cannot fill, as written', () => {
    const moment = { clock: 0, vars: {} };
    expect(fillText('没有占位符', scenario, moment)).toBe('没有占位符');
    expect(fillText('{{tiem}} {{var:ghost}} {{', scenario, moment)).toBe('{{tiem}} {{var:ghost}} {{');
    expect(fillText('<b>{{clock}}</b>', scenario, moment)).toBe('<b>08:00</b>');
    // Data, never code: a template-injection probe is only an unknown name.
    const probe = "{{constructor.constructor('globalThis.__xss=1')()}}";
    expect(fillText(probe, scenario, moment)).toBe(probe);
    expect((globalThis as { __xss?: number }).__xss).toBeUndefined();
  });

  it('finds the placeholders written, and measures a text at its longest rendering', () => {
    expect(placeholdersIn('a{{time}}b{{ var:queue }}').map((p) => p.name)).toEqual(['time', 'var:queue']);
    expect(shownLength('{{time}}', scenario)).toBe('12月31日 23:59'.length);
    expect(shownLength('{{var:queue}}', scenario)).toBe('5000 人'.length);
  });
});

describe('texts in a run', () => {
  const drill = loadable(
    fakeScenario({
      variables: [fakeNumberVar({ id: 'queue', label: '排队人数', min: 0, max: 5000, initial: 300, unit: '人' })],
      nodes: [
        fakeDecision({
          text: '{{time}}，门口排了 {{var:queue}}。',
          choices: [
            fakeChoice({
              takes: '2h',
              effects: [{ op: 'add', var: 'queue', value: 100 }],
              feedback: '{{clock}} 做完，还剩 {{var:queue}}。',
              next: 'end',
            }),
          ],
        }),
        fakeEnding({ text: '结束于{{time}}，{{var:queue}}。' }),
      ],
    }),
  );

  it('fills a feedback when the decision is done and an ending at the end, in the debrief', () => {
    const state = replay(drill, 1, [{ choiceId: 'c1', realMs: 0 }]);
    const report = debrief(drill, state);
    expect(report.timeline[0]?.feedback).toBe('10:00 做完，还剩 400 人。');
    expect(report.endingText).toBe('结束于1月8日 10:00，400 人。');
    expect(fillText(drill.nodes[0]?.text ?? '', drill, start(drill, 1))).toBe('1月8日 08:00，门口排了 300 人。');
  });
});
