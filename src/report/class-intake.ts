/**
 * A class's results files taken in: each file read and checked (checkResults), and every file
 * that cannot count towards the class set aside with its reason — broken, a trial from the
 * authoring view, a run that did not end, a run already in the class, or a run on another version
 * of the drill than the class is counted on. Pure, so a Web Worker runs it on hundreds of files
 * (class-intake.worker.ts) and a test runs it without one.
 */
import { replay } from '../engine/run';
import { DIMENSIONS, dimensionScores } from '../engine/scoring';
import { type RunState, TIMEOUT } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { checkResults, type ResultsFile } from './results-file';

/** A file as the instructor picked it: its name and its text. */
export interface IntakeFile {
  name: string;
  text: string;
}

/** One trainee's run in the class: the file it came from, read and checked. */
export interface ClassRun {
  /** Which run it is (see runKey): files of one name from two folders are two runs. */
  id: string;
  file: string;
  results: ResultsFile;
}

export type RefusalKind = 'broken' | 'trial' | 'unfinished' | 'duplicate' | 'otherVersion' | 'altered';

export interface Refusal {
  file: string;
  kind: RefusalKind;
  /** Why, and what to do, in Chinese. */
  reason: string;
}

export interface Intake {
  admitted: ClassRun[];
  refused: Refusal[];
}

/**
 * The library's version of each drill, by drill id: a run on it is replayed to check the file, and
 * its trainee's debrief can be opened on it.
 */
export type LibraryDrills = Readonly<Record<string, { hash: string; scenario: Scenario }>>;

/**
 * What makes two files the same run — handed in twice, copied under another name, or exported
 * again with a name typed in: the drill and its version, the seed, when it started, and the moves.
 */
export function runKey(results: ResultsFile): string {
  const moves = results.decisions.map((d) => `${d.choiceId}:${Math.round(d.realMs)}`).join(',');
  return [results.drill.id, results.drill.hash, results.seed, results.startedAt, moves].join('|');
}

/**
 * A trainee's run as the engine replays it from the results file: the same drill version, seed and
 * decisions give the same state. Null when the file's decisions do not replay (a file edited by hand).
 */
export function replayResults(scenario: Scenario, run: Pick<ClassRun, 'results'>): RunState | null {
  try {
    return replay(
      scenario,
      run.results.seed,
      // The file names the choice a countdown took; the run took it as a timeout.
      run.results.decisions.map((d) => ({ choiceId: d.timedOut ? TIMEOUT : d.choiceId, realMs: d.realMs })),
      undefined,
      run.results.timeLimits,
    );
  } catch {
    return null;
  }
}

/** Why a file's record differs from its own replay, or null when it does not. */
function alteredBy(scenario: Scenario, results: ResultsFile): string | null {
  const state = replayResults(scenario, { results });
  if (!state) return '文件里的决定不能在这个版本的演练上重放';
  if (state.ending !== results.ending?.id)
    return `按文件里的决定重放，结局是「${state.ending ?? '未结束'}」，文件写的是「${results.ending?.id}」`;
  const scores = dimensionScores(scenario, state.scoreEvents);
  const differ = DIMENSIONS.filter((d) => scores[d] !== results.scores[d]);
  if (differ.length === 0) return null;
  return `按文件里的决定重放，得分是 ${DIMENSIONS.map((d) => scores[d]).join('/')}，文件写的是 ${DIMENSIONS.map((d) => results.scores[d]).join('/')}`;
}

const shortHash = (hash: string) => hash.slice(0, 8);

/**
 * Takes `files` into a class that already holds `existing`; neither input is changed. A drill is
 * counted on one version: the class's own, or else the library's when a file of this batch has it,
 * or else the first file's — so a class played before the app or the drill was updated still loads.
 */
export function takeIntoClass(
  existing: readonly ClassRun[],
  files: readonly IntakeFile[],
  library: LibraryDrills,
): Intake {
  const admitted: ClassRun[] = [];
  const refused: Refusal[] = [];
  const seen = new Map<string, string>(existing.map((run) => [run.id, run.file]));
  const counted = new Map<string, string>();
  for (const run of existing)
    if (!counted.has(run.results.drill.id)) counted.set(run.results.drill.id, run.results.drill.hash);

  const read: { name: string; results: ResultsFile }[] = [];
  for (const { name, text } of files) {
    const checked = checkResults(text);
    if (checked.ok) read.push({ name, results: checked.file });
    else refused.push({ file: name, kind: 'broken', reason: checked.message });
  }
  for (const { results } of read) {
    const id = results.drill.id;
    if (counted.has(id) || results.trial || results.ending === null) continue;
    const own = library[id]?.hash;
    counted.set(
      id,
      own !== undefined && read.some((r) => r.results.drill.id === id && r.results.drill.hash === own)
        ? own
        : results.drill.hash,
    );
  }

  for (const { name, results } of read) {
    const who = results.trainee ? `（${results.trainee}）` : '';
    if (results.trial) {
      refused.push({
        file: name,
        kind: 'trial',
        reason: `这是编写视图里的试玩${who}，不是学员的完整推演，不计入班级。`,
      });
      continue;
    }
    if (results.ending === null) {
      refused.push({
        file: name,
        kind: 'unfinished',
        reason: `这局推演${who}没有走到结局，得分还不完整：请学员推演到复盘页后重新导出。`,
      });
      continue;
    }
    const version = counted.get(results.drill.id) ?? results.drill.hash;
    if (results.drill.hash !== version) {
      refused.push({
        file: name,
        kind: 'otherVersion',
        reason: `这局推演的是「${results.drill.title}」的另一个版本（${shortHash(results.drill.hash)}），本班按版本 ${shortHash(version)} 统计：两个版本的节点和评分可能不同，不能放在一起比较。请学员用本班的版本重新推演，或清空班级后只载入这个版本的结果。`,
      });
      continue;
    }
    const own = library[results.drill.id];
    const altered = own && own.hash === version ? alteredBy(own.scenario, results) : null;
    if (altered) {
      refused.push({
        file: name,
        kind: 'altered',
        reason: `${altered}${who}：文件可能被改动过，不计入班级。请学员回到复盘页重新导出。`,
      });
      continue;
    }
    const key = runKey(results);
    const first = seen.get(key);
    if (first !== undefined) {
      refused.push({ file: name, kind: 'duplicate', reason: `与「${first}」是同一局推演${who}，只计一次。` });
      continue;
    }
    seen.set(key, name);
    admitted.push({ id: key, file: name, results });
  }
  return { admitted, refused };
}
