import { describe, expect, it } from 'vitest';
import { classDrill, classFiles, traineeResults } from '../../test/class-results';
import { parseCsv } from '../../test/parse-csv';
import { playPicks } from '../../test/play-picks';
import { dimensionScores } from '../engine/scoring';
import { decisionsCsv, traineesCsv } from './class-csv';
import { replayResults, runKey, takeIntoClass } from './class-intake';
import { byDrill, classOverview, distinctNames, histogram, type Lesson, spread } from './class-overview';
import { buildResults } from './results-file';

const { scenario, hash } = classDrill();
const files = classFiles(20);
const versions = { [scenario.id]: { hash, scenario } };

describe('taking a class in', () => {
  it('admits every trainee’s finished run', () => {
    const { admitted, refused } = takeIntoClass([], files, versions);
    expect(refused).toEqual([]);
    expect(admitted.map((r) => r.file)).toEqual(files.map((f) => f.name));
  });

  it('sets aside a broken file, a run on another version, a duplicate, a trial and an unfinished run, each with its reason', () => {
    const first = JSON.parse(files[0]?.text ?? '');
    const other = { ...JSON.parse(files[1]?.text ?? ''), drill: { ...first.drill, hash: 'ffff0000' } };
    const trial = { ...JSON.parse(files[2]?.text ?? ''), trial: true };
    const unfinished = { ...JSON.parse(files[3]?.text ?? ''), ending: null };
    const { admitted, refused } = takeIntoClass(
      [],
      [
        ...files.slice(0, 5),
        { name: '坏.json', text: '{"format": "tuiyan-results", ' },
        { name: '旧版本.json', text: JSON.stringify(other) },
        { name: '再交一次.json', text: files[0]?.text ?? '' },
        { name: '试玩.json', text: JSON.stringify(trial) },
        { name: '没做完.json', text: JSON.stringify(unfinished) },
      ],
      versions,
    );
    expect(admitted).toHaveLength(5);
    expect(refused.map((r) => [r.file, r.kind])).toEqual([
      ['坏.json', 'broken'],
      ['旧版本.json', 'otherVersion'],
      ['再交一次.json', 'duplicate'],
      ['试玩.json', 'trial'],
      ['没做完.json', 'unfinished'],
    ]);
    expect(refused[0]?.reason).toMatch(/第 1 行第 \d+ 列/);
    expect(refused[1]?.reason).toContain('另一个版本（ffff0000）');
    expect(refused[2]?.reason).toContain(`与「${files[0]?.name}」是同一局推演`);
  });

  it('refuses a file whose scores or ending were changed by hand: the library’s drill replays it', () => {
    const edited = JSON.parse(files[0]?.text ?? '');
    edited.scores = { timeliness: 100, legality: 100, coordination: 100 };
    const { admitted, refused } = takeIntoClass([], [{ name: '改过的.json', text: JSON.stringify(edited) }], versions);
    expect(admitted).toEqual([]);
    expect(refused[0]).toMatchObject({ file: '改过的.json', kind: 'altered' });
    expect(refused[0]?.reason).toMatch(/^按文件里的决定重放，得分是 \d+\/\d+\/\d+，文件写的是 100\/100\/100/);
  });

  it('admits a run played under ×2 whose decisions took longer than the drill’s own limits, as the trainee’s debrief showed it', () => {
    // Every decision takes 100 s: past each of the drill's limits (75 s, 90 s), within twice them.
    const { state } = playPicks(
      scenario,
      7,
      Array.from({ length: 60 }, () => ({ kind: 'pick' as const, index: 0, realMs: 100_000 })),
      'x2',
    );
    expect(state.timeline.some((t) => t.timedOut)).toBe(false);
    const results = buildResults({
      scenario,
      hash,
      state,
      startedAt: null,
      endedAt: null,
      trainee: '放宽一倍',
      timeLimits: 'x2',
      appVersion: '0.1.0',
    });
    const { admitted, refused } = takeIntoClass([], [{ name: 'x2.json', text: JSON.stringify(results) }], versions);
    expect(refused).toEqual([]);
    expect(admitted).toHaveLength(1);
    expect(replayResults(scenario, { results })?.timeline.some((t) => t.timedOut)).toBe(false);
  });

  it('counts a file exported again with a name typed in as the same run', () => {
    const named = JSON.parse(files[0]?.text ?? '');
    const unnamed = { ...named, trainee: null };
    const { admitted, refused } = takeIntoClass(
      [],
      [
        { name: 'unnamed.json', text: JSON.stringify(unnamed) },
        { name: 'named.json', text: JSON.stringify(named) },
      ],
      versions,
    );
    expect(admitted.map((r) => r.file)).toEqual(['unnamed.json']);
    expect(refused.map((r) => r.kind)).toEqual(['duplicate']);
  });

  it('tells apart two runs handed in under one file name, by id and by name', () => {
    const a = { ...JSON.parse(files[0]?.text ?? ''), trainee: null };
    const b = { ...JSON.parse(files[1]?.text ?? ''), trainee: null };
    const name = '桌面推演-结果-2026-12-04.json';
    const { admitted } = takeIntoClass(
      [],
      [
        { name, text: JSON.stringify(a) },
        { name, text: JSON.stringify(b) },
      ],
      versions,
    );
    expect(new Set(admitted.map((r) => r.id)).size).toBe(2);
    expect(distinctNames(admitted)).toEqual(['桌面推演-结果-2026-12-04', '桌面推演-结果-2026-12-04（2）']);
    expect(admitted[0]?.id).toBe(runKey(admitted[0]?.results as never));
  });

  it('counts a class played on an older version of a drill on that version, when none of it is the library’s', () => {
    const old = files.slice(0, 3).map((f) => {
      const results = JSON.parse(f.text);
      return { name: f.name, text: JSON.stringify({ ...results, drill: { ...results.drill, hash: 'old0000' } }) };
    });
    const { admitted, refused } = takeIntoClass([], old, versions);
    expect(admitted).toHaveLength(3);
    expect(refused).toEqual([]);
  });

  it('counts a run already in the class once, across batches', () => {
    const { admitted } = takeIntoClass([], files.slice(0, 3), versions);
    const again = takeIntoClass(admitted, files.slice(2, 6), versions);
    expect(again.admitted.map((r) => r.file)).toEqual(files.slice(3, 6).map((f) => f.name));
    expect(again.refused.map((r) => r.kind)).toEqual(['duplicate']);
  });

  it('counts a drill the library lacks on the version of its first run', () => {
    const other = { ...JSON.parse(files[1]?.text ?? '') };
    other.drill = { ...other.drill, hash: 'ffff0000' };
    const { admitted, refused } = takeIntoClass(
      [],
      [files[0] as (typeof files)[0], { name: 'b.json', text: JSON.stringify(other) }],
      {},
    );
    expect(admitted).toHaveLength(1);
    expect(refused[0]?.reason).toContain(`本班按版本 ${hash.slice(0, 8)} 统计`);
  });
});

describe('the class overview', () => {
  const { admitted } = takeIntoClass([], files, versions);
  const lessons: Lesson[] = [{ id: 'P4', name: '危机应对能力不足', decisions: [`${scenario.id}/gatherings`] }];
  const overview = classOverview(admitted, scenario, lessons);

  it('counts how the class chose at each decision point, with every option the drill offers', () => {
    expect(overview.trainees).toBe(20);
    const first = overview.decisions[0];
    expect(first?.nodeId).toBe(scenario.start);
    expect(first?.met).toBe(20);
    const node = scenario.nodes.find((n) => n.id === first?.nodeId);
    if (node?.kind !== 'decision') throw new Error('the start is a decision');
    expect(first?.options.map((o) => o.choiceId)).toEqual(node.choices.map((c) => c.id));
    for (const point of overview.decisions) {
      expect(point.options.reduce((s, o) => s + o.count, 0)).toBe(point.met);
      expect(point.options.reduce((s, o) => s + o.share, 0)).toBeCloseTo(1);
    }
    // Each trainee's decisions are counted once, at the point they were taken.
    const taken = admitted.reduce((s, r) => s + r.results.decisions.length, 0);
    expect(overview.decisions.reduce((s, p) => s + p.met, 0)).toBe(taken);
  });

  it('states the real seconds and the timeouts at each point', () => {
    const timeouts = admitted.reduce((s, r) => s + r.results.totals.timeouts, 0);
    expect(timeouts).toBeGreaterThan(0);
    expect(overview.decisions.reduce((s, p) => s + p.timeouts, 0)).toBe(timeouts);
    const start = overview.decisions[0];
    const seconds = admitted.map((r) => (r.results.decisions[0]?.realMs ?? 0) / 1000);
    expect(start?.seconds.mean).toBeCloseTo(seconds.reduce((s, x) => s + x, 0) / seconds.length);
  });

  it('spreads each dimension over ten bands and every ending over the class', () => {
    for (const d of overview.dimensions) expect(d.histogram.reduce((s, n) => s + n, 0)).toBe(20);
    expect(overview.endings.reduce((s, e) => s + e.count, 0)).toBe(20);
    expect(overview.endings.length).toBeGreaterThan(1);
  });

  it('lists the losses most of the class shares, with the lessons of the decision that caused them', () => {
    expect(overview.losses.length).toBeGreaterThan(0);
    const shared = overview.losses.map((l) => l.trainees);
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
    for (const loss of overview.losses) {
      expect(loss.reason.length).toBeGreaterThan(0);
      expect(Object.values(loss.points).some((p) => p < 0)).toBe(true);
    }
    const atGatherings = overview.losses.filter((l) => l.key.includes(':gatherings'));
    for (const loss of atGatherings) expect(loss.lessons).toEqual(['P4']);
  });

  it('ranks the trainees by the mean of their three scores', () => {
    const means = overview.ranking.map((r) => r.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    expect(overview.ranking[0]?.name).toMatch(/^学员\d\d$/);
  });

  it('says beside each trainee’s scores under which time limits they were made', () => {
    const relaxed = overview.ranking.filter((r) => r.timeLimits === 'x2').map((r) => r.name);
    expect(relaxed.sort()).toEqual(['学员05', '学员10', '学员15', '学员20']);
    expect(overview.ranking.filter((r) => r.timeLimits === 'x1')).toHaveLength(16);
  });

  it('replays each trainee’s run from the file to the scores it holds, timeouts included', () => {
    expect(admitted.some((r) => r.results.totals.timeouts > 0)).toBe(true);
    for (const run of admitted) {
      const state = replayResults(scenario, run);
      expect(state?.ending).toBe(run.results.ending?.id);
      expect(dimensionScores(scenario, state?.scoreEvents ?? [])).toEqual(run.results.scores);
    }
    const edited = {
      ...admitted[0],
      results: { ...admitted[0]?.results, seed: 1, decisions: [{ choiceId: 'nope', timedOut: false, realMs: 1 }] },
    };
    expect(replayResults(scenario, edited as (typeof admitted)[0])).toBeNull();
  });

  it('works from the files alone when the library does not have the drill', () => {
    const alone = classOverview(admitted, null, []);
    expect(alone.decisions.reduce((s, p) => s + p.met, 0)).toBe(overview.decisions.reduce((s, p) => s + p.met, 0));
    expect(alone.decisions[0]?.nodeId).toBe(scenario.start);
  });
});

it('groups a class by drill, the drill with most runs first', () => {
  const other = classDrill('scenarios/early-warning.json');
  const runs = [
    { id: 'a', file: 'a', results: traineeResults(scenario, hash, 1) },
    { id: 'b', file: 'b', results: traineeResults(other.scenario, other.hash, 1) },
    { id: 'c', file: 'c', results: traineeResults(other.scenario, other.hash, 2) },
  ];
  expect(byDrill(runs).map((g) => g.map((r) => r.file))).toEqual([['b', 'c'], ['a']]);
});

it('states a spread and bands of ten', () => {
  expect(spread([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2, min: 2, max: 9 });
  expect(histogram([0, 9, 10, 55, 99, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
});

describe('the class as CSV', () => {
  const { admitted } = takeIntoClass([], files.slice(0, 4), versions);

  it('has one row per trainee, with scores, ending and totals', () => {
    const csv = traineesCsv(admitted);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    const cell = (row: string[] | undefined, name: string) => row?.[header?.indexOf(name) ?? -1];
    const first = admitted[0]?.results;
    expect(cell(rows[0], '姓名或学号')).toBe('学员01');
    expect(cell(rows[0], '结局')).toBe(first?.ending?.title);
    expect(Number(cell(rows[0], '依法'))).toBe(first?.scores.legality);
    expect(Number(cell(rows[0], '超时数'))).toBe(first?.totals.timeouts);
    expect(cell(rows[0], '限时')).toBe('标准');
  });

  it('has one row per decision, every trainee in turn, under one header', () => {
    const [header, ...rows] = parseCsv(decisionsCsv(admitted).slice(1));
    expect(header?.[0]).toBe('姓名或学号');
    expect(rows).toHaveLength(admitted.reduce((s, r) => s + r.results.decisions.length, 0));
    const names = new Set(rows.map((r) => r[0]));
    expect([...names]).toEqual(['学员01', '学员02', '学员03', '学员04']);
  });
});
