/**
 * A class as two tables for a spreadsheet: one row per trainee (scores, ending, totals) and one row
 * per decision (every trainee's decisions one after another, with the trainee's name in each row).
 * The same cells and the same care as one trainee's CSV (results-file.ts): RFC 4180, CRLF, a byte
 * order mark so Excel reads the Chinese, and no cell a spreadsheet would run as a formula.
 */
import type { ClassRun } from './class-intake';
import { displayName } from './class-overview';
import { csvTable, DECISION_HEADERS, decisionRows, type ResultsFile } from './results-file';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Under which time limits the scores were made, as the class overview says it. */
export const TIME_LIMITS_WORDS: Record<ResultsFile['timeLimits'], string> = {
  x1: '标准',
  x2: '放宽一倍',
  off: '不限时',
};

const TRAINEE_COLUMNS: readonly [string, (run: ClassRun) => string | number][] = [
  ['姓名或学号', (r) => displayName(r)],
  ['文件', (r) => r.file],
  ['演练', (r) => r.results.drill.title],
  ['演练id', (r) => r.results.drill.id],
  ['结局', (r) => r.results.ending?.title ?? ''],
  ['限时', (r) => TIME_LIMITS_WORDS[r.results.timeLimits]],
  ['时效', (r) => r.results.scores.timeliness],
  ['时效等级', (r) => r.results.ratings.timeliness.grade],
  ['依法', (r) => r.results.scores.legality],
  ['依法等级', (r) => r.results.ratings.legality.grade],
  ['协同', (r) => r.results.scores.coordination],
  ['协同等级', (r) => r.results.ratings.coordination.grade],
  ['决定数', (r) => r.results.totals.decisions],
  ['超时数', (r) => r.results.totals.timeouts],
  ['用时秒', (r) => seconds(r.results.totals.realMs)],
  ['累计感染', (r) => r.results.outcome.cases],
  ['死亡', (r) => r.results.outcome.deaths],
  ['开始时间', (r) => r.results.startedAt ?? ''],
];

/** One row per trainee. */
export function traineesCsv(runs: readonly ClassRun[]): string {
  return csvTable([
    TRAINEE_COLUMNS.map(([h]) => h),
    ...runs.map((run) => TRAINEE_COLUMNS.map(([, cell]) => cell(run))),
  ]);
}

/** One row per decision, every trainee's in turn, under one header; a trainee with no name is named by the file. */
export function decisionsCsv(runs: readonly ClassRun[]): string {
  return csvTable([
    DECISION_HEADERS,
    ...runs.flatMap((run) => decisionRows({ ...run.results, trainee: displayName(run) })),
  ]);
}
