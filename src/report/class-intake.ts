/**
 * A class's results files taken in: each file read and checked (checkResults), and every file
 * that cannot count towards the class set aside with its reason — broken, a trial from the
 * authoring view, a run that did not end, a run already in the class, or a run on another version
 * of the drill than the class is counted on. Pure, so a Web Worker runs it on hundreds of files
 * (class-intake.worker.ts) and a test runs it without one.
 */
import { checkResults, type ResultsFile } from './results-file';

/** A file as the instructor picked it: its name and its text. */
export interface IntakeFile {
  name: string;
  text: string;
}

/** One trainee's run in the class: the file it came from, read and checked. */
export interface ClassRun {
  file: string;
  results: ResultsFile;
}

export type RefusalKind = 'broken' | 'trial' | 'unfinished' | 'duplicate' | 'otherVersion';

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
 * The version each drill is counted on, by drill id: the library's version where the instructor
 * has the drill, so that a trainee's debrief can be opened on it. A drill the library lacks is
 * counted on the version of its first run in the class.
 */
export type DrillVersions = Readonly<Record<string, string>>;

/** What makes two files the same run: handed in twice, or copied under another name. */
function runKey(results: ResultsFile): string {
  const moves = results.decisions.map((d) => `${d.choiceId}:${Math.round(d.realMs)}`).join(',');
  return [results.drill.id, results.drill.hash, results.seed, results.startedAt, results.trainee, moves].join('|');
}

const shortHash = (hash: string) => hash.slice(0, 8);

/** Takes `files` into a class that already holds `existing`; neither input is changed. */
export function takeIntoClass(
  existing: readonly ClassRun[],
  files: readonly IntakeFile[],
  versions: DrillVersions,
): Intake {
  const admitted: ClassRun[] = [];
  const refused: Refusal[] = [];
  const seen = new Map<string, string>(existing.map((run) => [runKey(run.results), run.file]));
  // The version a drill the library lacks is counted on: its first run's, in the class or in this batch.
  const counted = new Map<string, string>(Object.entries(versions));
  for (const run of existing)
    if (!counted.has(run.results.drill.id)) counted.set(run.results.drill.id, run.results.drill.hash);

  for (const { name, text } of files) {
    const checked = checkResults(text);
    if (!checked.ok) {
      refused.push({ file: name, kind: 'broken', reason: checked.message });
      continue;
    }
    const results = checked.file;
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
    counted.set(results.drill.id, version);
    if (results.drill.hash !== version) {
      refused.push({
        file: name,
        kind: 'otherVersion',
        reason: `这局推演的是「${results.drill.title}」的另一个版本（${shortHash(results.drill.hash)}），本班按版本 ${shortHash(version)} 统计：两个版本的节点和评分可能不同，不能放在一起比较。请学员用当前版本重新推演，或另建一个班级。`,
      });
      continue;
    }
    const key = runKey(results);
    const first = seen.get(key);
    if (first !== undefined) {
      refused.push({
        file: name,
        kind: 'duplicate',
        reason: `与「${first}」是同一局推演${who}，只计一次。`,
      });
      continue;
    }
    seen.set(key, name);
    admitted.push({ file: name, results });
  }
  return { admitted, refused };
}
