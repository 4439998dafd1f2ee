import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding, fakeScenario } from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { worldDrill } from '../../test/fixtures/world-drill';
import { parseCsv } from '../../test/parse-csv';
import { replay } from '../engine/run';
import { DEFAULT_BASE, DIMENSIONS } from '../engine/scoring';
import { type Decision, type RunState, TIMEOUT } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { MAX_TRAINEE_LENGTH as STORE_MAX_TRAINEE_LENGTH } from '../store/saved-state';
import {
  buildResults,
  checkResults,
  cleanTrainee,
  csvCell,
  MAX_TRAINEE_LENGTH,
  migrateResults,
  RESULTS_FORMAT,
  RESULTS_VERSION,
  type ResultsFile,
  resultsToCsv,
} from './results-file';

const STARTED = Date.UTC(2026, 2, 2, 8, 15, 30);
const ENDED = STARTED + 12 * 60_000;

function play(scenario: Scenario, choices: string[], realMs = 4_200): RunState {
  return replay(
    scenario,
    7,
    choices.map((choiceId): Decision => ({ choiceId, realMs })),
  );
}

function build(
  scenario: Scenario = uiDrill,
  choices = ['report', 'publish'],
  extra: Partial<Parameters<typeof buildResults>[0]> = {},
): ResultsFile {
  return buildResults({
    scenario,
    hash: 'abc123',
    state: play(scenario, choices),
    startedAt: STARTED,
    endedAt: ENDED,
    trainee: '  张三 2024001 ',
    timeLimits: 'x1',
    appVersion: '0.1.0',
    ...extra,
  });
}

describe('buildResults', () => {
  it('says what it is, which drill and version were played, by whom, when and with which seed', () => {
    const file = build();
    expect(file).toMatchObject({
      format: RESULTS_FORMAT,
      version: RESULTS_VERSION,
      app: { name: 'tuiyan', version: '0.1.0' },
      drill: { id: 'ui-drill', title: '界面测试演练', legalFramework: 2025, hash: 'abc123' },
      trial: false,
      trainee: '张三 2024001',
      seed: 7,
      startedAt: '2026-03-02T08:15:30.000Z',
      endedAt: '2026-03-02T08:27:30.000Z',
      ending: { id: 'good', title: '疫情得到控制', tone: 'good' },
    });
  });

  it('gives the three scores, each rated, the totals and every score event', () => {
    const file = build();
    // report done in 1h (ideal 2h): timeliness 60 + 10; legality 60 + 10; coordination 60.
    expect(file.scores).toEqual({ timeliness: 70, legality: 70, coordination: 60 });
    expect(file.ratings).toEqual({
      timeliness: { grade: '良', hseep: 'S' },
      legality: { grade: '良', hseep: 'S' },
      coordination: { grade: '中', hseep: 'M' },
    });
    expect(file.totals).toEqual({ decisions: 2, timeouts: 0, realMs: 8_400, gameMinutes: 180 });
    expect(file.scoreEvents).toContainEqual({
      dimension: 'legality',
      delta: 10,
      reason: '依法及时直报。',
      source: { kind: 'choice', decision: 0, nodeId: 'n1', choiceId: 'report' },
      refs: ['law-report'],
    });
    expect(file.scoreEvents.map((e) => e.source.kind)).toContain('timeWindow');
  });

  it('lists every decision: node, choice, game clock, real time and its score events summed by dimension', () => {
    expect(build().decisions).toEqual([
      {
        index: 0,
        nodeId: 'n1',
        nodeTitle: '接到医院报告',
        choiceId: 'report',
        choiceLabel: '立即网络直报',
        timedOut: false,
        clockMinutes: 0,
        gameTime: '2026-01-08T08:00',
        realMs: 4_200,
        deltas: { timeliness: 10, legality: 10, coordination: 0 },
      },
      {
        index: 1,
        nodeId: 'n2',
        nodeTitle: '是否发布信息',
        choiceId: 'publish',
        choiceLabel: '如实发布',
        timedOut: false,
        clockMinutes: 60,
        gameTime: '2026-01-08T09:00',
        realMs: 4_200,
        deltas: { timeliness: 0, legality: 0, coordination: 0 },
      },
    ]);
  });

  it('records a timeout as the timeout choice taken, with its penalty', () => {
    const file = build(uiDrill, [TIMEOUT, 'silence']);
    expect(file.decisions[0]).toMatchObject({
      choiceId: 'wait',
      choiceLabel: '等待上级指示',
      timedOut: true,
      deltas: { timeliness: -5, coordination: -5, legality: 0 },
    });
    expect(file.totals.timeouts).toBe(1);
    expect(file.ending).toEqual({ id: 'bad', title: '疫情失控', tone: 'bad' });
  });

  it('adds up: the decisions’ deltas and the events scored at the end make each score', () => {
    for (const choices of [
      ['report', 'publish'],
      [TIMEOUT, 'silence'],
      ['verify', 'publish'],
    ]) {
      const file = build(uiDrill, choices);
      const atEnd = file.scoreEvents.filter((e) => e.source.decision === null);
      for (const d of DIMENSIONS) {
        const sum =
          file.decisions.reduce((s, x) => s + x.deltas[d], 0) +
          atEnd.filter((e) => e.dimension === d).reduce((s, e) => s + e.delta, 0);
        expect(file.scores[d], `${choices} ${d}`).toBe(Math.min(100, Math.max(0, DEFAULT_BASE + sum)));
      }
    }
  });

  it('gives the cases and deaths of each region at the end, and their totals', () => {
    const file = build(worldDrill, ['isolate', 'wait']);
    expect(file.outcome.regions.map((r) => [r.id, r.name])).toEqual([
      ['city', '云湾市'],
      ['north', worldDrill.regions?.[1]?.name],
    ]);
    expect(file.outcome.cases).toBe(file.outcome.regions.reduce((s, r) => s + r.cases, 0));
    expect(file.outcome.deaths).toBe(file.outcome.regions.reduce((s, r) => s + r.deaths, 0));
    expect(file.outcome.cases).toBeGreaterThan(0);
    expect(file.decisions[1]?.clockMinutes).toBeGreaterThan(0);
    // A drill without a world has nothing to count.
    expect(build().outcome).toEqual({ cases: 0, deaths: 0, regions: [] });
  });

  it('keeps null for what is not known: a run not ended, times not kept, no name typed', () => {
    const file = build(uiDrill, ['report'], { startedAt: null, endedAt: null, trainee: '   ' });
    expect(file).toMatchObject({ ending: null, startedAt: null, endedAt: null, trainee: null });
    expect(file.decisions).toHaveLength(1);
  });

  it('marks a trial from the authoring view', () => {
    const state = replay(uiDrill, 7, [{ choiceId: 'publish', realMs: 1 }], {
      node: 'n2',
      clock: 600,
      vars: {},
      regions: {},
    });
    const file = buildResults({
      scenario: uiDrill,
      hash: 'h',
      state,
      startedAt: null,
      endedAt: null,
      trainee: null,
      timeLimits: 'x1',
      appVersion: '0.1.0',
    });
    expect(file.trial).toBe(true);
    expect(file.decisions[0]).toMatchObject({ nodeId: 'n2', clockMinutes: 600, gameTime: '2026-01-08T18:00' });
  });

  it('cuts a long name as the store does, never splitting a character', () => {
    expect(MAX_TRAINEE_LENGTH).toBe(STORE_MAX_TRAINEE_LENGTH);
    expect(cleanTrainee('名'.repeat(60))).toBe('名'.repeat(MAX_TRAINEE_LENGTH));
    expect(cleanTrainee(`${'a'.repeat(MAX_TRAINEE_LENGTH - 1)}𠀀`)).toBe('a'.repeat(MAX_TRAINEE_LENGTH - 1));
    expect(cleanTrainee(null)).toBeNull();
  });
});

describe('resultsToCsv', () => {
  it('starts with a byte order mark, ends lines with CRLF, and has one row per decision after the header', () => {
    const csv = resultsToCsv(build());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([
      '姓名或学号',
      '演练',
      '演练id',
      '序号',
      '节点id',
      '节点',
      '选项id',
      '选择',
      '超时',
      '游戏时间',
      '开局后分钟',
      '用时秒',
      '时效',
      '依法',
      '协同',
    ]);
    expect(rows[1]).toEqual([
      '张三 2024001',
      '界面测试演练',
      'ui-drill',
      '1',
      'n1',
      '接到医院报告',
      'report',
      '立即网络直报',
      '否',
      '2026-01-08 08:00',
      '0',
      '4.2',
      '10',
      '10',
      '0',
    ]);
  });

  it('has only the header for a run without decisions', () => {
    expect(parseCsv(resultsToCsv(build(uiDrill, [])).slice(1))).toHaveLength(1);
  });

  it('quotes a cell with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说“好”与"好"')).toBe('"说“好”与""好"""');
    expect(csvCell('一行\n两行')).toBe('"一行\n两行"');
    expect(csvCell('plain 文本')).toBe('plain 文本');
    const drill = fakeScenario({
      nodes: [
        fakeDecision({
          title: '他说："先别报"',
          choices: [fakeChoice({ label: '报告,然后\n核实' })],
        }),
        fakeEnding(),
      ],
    });
    const rows = parseCsv(resultsToCsv(build(drill, ['c1'])).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[5]).toBe('他说："先别报"');
    expect(rows[1]?.[7]).toBe('报告,然后\n核实');
  });

  it('never lets a spreadsheet read untrusted text as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1,2')).toBe('"\'=1,2"');
    // Our own numbers are numbers, negative ones too.
    expect(csvCell(-5)).toBe('-5');
    const drill = fakeScenario({
      title: '=cmd|calc',
      nodes: [fakeDecision({ title: '@危险', choices: [fakeChoice({ label: '+上报' })] }), fakeEnding()],
    });
    const rows = parseCsv(resultsToCsv(build(drill, ['c1'], { trainee: '-李四' })).slice(1));
    expect(rows[1]?.slice(0, 8)).toEqual(["'-李四", "'=cmd|calc", 'fake-drill', '1', 'n1', "'@危险", 'c1', "'+上报"]);
    const timedOut = parseCsv(resultsToCsv(build(uiDrill, [TIMEOUT, 'silence'])).slice(1));
    expect(timedOut[1]?.slice(12)).toEqual(['-5', '0', '-5']);
  });
});

describe('checkResults', () => {
  it('reads back a file as exported, with or without a byte order mark', () => {
    const file = build();
    expect(checkResults(JSON.stringify(file, null, 2))).toEqual({ ok: true, file });
    expect(checkResults(`\uFEFF${JSON.stringify(file)}`)).toEqual({ ok: true, file });
  });

  it('says under which time limits the run was made, and reads a file written before they were kept as ×1', () => {
    const relaxed = build(uiDrill, ['report', 'publish'], { timeLimits: 'x2' });
    expect(relaxed.timeLimits).toBe('x2');
    expect(checkResults(JSON.stringify(relaxed))).toMatchObject({ ok: true, file: { timeLimits: 'x2' } });
    const { timeLimits: _left, ...older } = build();
    expect(checkResults(JSON.stringify(older))).toMatchObject({ ok: true, file: { timeLimits: 'x1' } });
    expect(checkResults(JSON.stringify({ ...build(), timeLimits: 'x3' })).ok).toBe(false);
    // A version-1 file, written before the setting existed, is brought up to version 2 as played under x1.
    expect(checkResults(JSON.stringify({ ...older, version: 1 }))).toMatchObject({
      ok: true,
      file: { version: 2, timeLimits: 'x1' },
    });
  });

  it('refuses a newer version, saying to upgrade', () => {
    const result = checkResults(JSON.stringify({ ...build(), version: RESULTS_VERSION + 1 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(`格式版本是 ${RESULTS_VERSION + 1}`);
    expect(result.message).toContain(`支持的 ${RESULTS_VERSION}`);
    expect(result.message).toContain('升级程序');
  });

  it.each([
    ['0', 0],
    ['a string', '1'],
    ['missing', undefined],
  ])('refuses a version that is %s', (_, version) => {
    const result = checkResults(JSON.stringify({ ...build(), version }));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^\/version 应为正整数/) });
  });

  it('names a missing field by line, column and pointer, and says to add it or export again', () => {
    const file = build();
    const { choiceId: _dropped, ...rest } = file.decisions[0] as ResultsFile['decisions'][number];
    const text = JSON.stringify({ ...file, decisions: [rest, file.decisions[1]] }, null, 2);
    const result = checkResults(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('"nodeTitle": "接到医院报告"')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(result.message).toMatch(/^结果文件有 1 处问题/);
    // Where the field is missing: the decision it belongs to.
    expect(result.message).toMatch(/第 \d+ 行第 \d+ 列（\/decisions\/0\/choiceId）：缺少必填字段「choiceId」/);
    expect(result.message).toContain('重新导出');
  });

  it('names an unknown field and a value of the wrong type', () => {
    const file = build();
    const result = checkResults(JSON.stringify({ ...file, extra: 1, seed: 'seven' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('（/seed）：应为数字');
    expect(result.message).toContain('（/extra）：不认识的字段「extra」');
  });

  it('says what the file is when it is not a results file', () => {
    const cases: [string, RegExp][] = [
      ['', /文件是空的/],
      ['{"format": "tuiyan-results", "version": 1,', /不是有效的 JSON（第 1 行第 \d+ 列出错）/],
      [resultsToCsv(build()), /不是有效的 JSON.*CSV/],
      ['[1, 2]', /最外层应是一个对象/],
      [JSON.stringify(uiDrill), /演练（情景）文件，不是推演结果文件/],
      ['{"format": "other"}', /这不是推演结果文件/],
    ];
    for (const [text, message] of cases) {
      expect(checkResults(text), text.slice(0, 30)).toEqual({ ok: false, message: expect.stringMatching(message) });
    }
  });
});

describe('migrateResults', () => {
  it('applies the named steps in order, only those after the file’s version', () => {
    const steps = [
      { to: 3, name: 'c', step: (f: Record<string, unknown>) => ({ ...f, log: `${f.log}c` }) },
      { to: 2, name: 'b', step: (f: Record<string, unknown>) => ({ ...f, log: `${f.log}b` }) },
    ];
    // Steps beyond this build's version are never applied.
    expect(migrateResults({ log: 'a' }, 1, steps)).toEqual({ log: RESULTS_VERSION >= 3 ? 'abc' : 'ab' });
    expect(migrateResults({ log: 'a' }, RESULTS_VERSION)).toEqual({ log: 'a' });
  });
});
