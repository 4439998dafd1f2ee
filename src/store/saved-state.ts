/**
 * What is read back from storage is checked before it is trusted: a saved run of the wrong shape
 * (an old version, a hand edit, a half-written save) is dropped, and the rest is kept. Written
 * by hand rather than with the schema library so that the trainee's first load stays small.
 */
import { MAX_TRIAL_CLOCK } from '../engine/run';
import type { Origin, VarValue } from '../engine/types';
import type { RegionOverride } from '../engine/world';
import type { Draft } from './authoring-slice';
import { isObject } from './json-guards';
import type { ImportedFile } from './library-slice';
import type { Run, RunView } from './run-slice';
import type { Settings } from './settings-slice';

const VIEWS: readonly RunView[] = ['briefing', 'decision', 'consequence', 'debrief'];

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function asRun(x: unknown): Run | null {
  if (!isObject(x)) return null;
  const { scenarioId, hash, seed, decisions, view, shownAt } = x;
  if (typeof scenarioId !== 'string' || typeof hash !== 'string' || typeof seed !== 'number') return null;
  if (!Array.isArray(decisions)) return null;
  if (!decisions.every((d) => isObject(d) && typeof d.choiceId === 'string' && isCount(d.realMs))) return null;
  if (!VIEWS.includes(view as RunView)) return null;
  if (shownAt !== null && typeof shownAt !== 'number') return null;
  const origin = x.origin === undefined ? undefined : asOrigin(x.origin);
  if (origin === null) return null;
  const played = typeof x.played === 'string' ? x.played : undefined;
  return {
    scenarioId,
    hash,
    seed,
    decisions: decisions.map((d) => ({ choiceId: d.choiceId as string, realMs: d.realMs as number })),
    view: view as RunView,
    shownAt,
    ...(origin && { origin }),
    ...(played !== undefined && { played }),
  };
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const isIdList = (x: unknown): x is string[] => Array.isArray(x) && x.every((id) => typeof id === 'string');

function asOrigin(x: unknown): Origin | null {
  if (!isObject(x) || typeof x.node !== 'string' || !isCount(x.clock) || x.clock > MAX_TRIAL_CLOCK) return null;
  if (!isObject(x.vars) || !isObject(x.regions)) return null;
  // fromEntries makes own keys only: an id such as "__proto__" cannot reach a prototype.
  const vars = Object.fromEntries(
    Object.entries(x.vars).filter((e): e is [string, VarValue] => typeof e[1] === 'boolean' || isNumber(e[1])),
  );
  const regions = Object.fromEntries(
    Object.entries(x.regions).flatMap(([id, set]): [string, RegionOverride][] => {
      if (!isObject(set)) return [];
      const fields = (['infectious', 'beds', 'trust'] as const).filter((key) => isNumber(set[key]));
      return [[id, Object.fromEntries(fields.map((key) => [key, set[key] as number]))]];
    }),
  );
  return {
    node: x.node,
    clock: x.clock,
    vars,
    regions,
    ...(isIdList(x.completed) && { completed: [...x.completed] }),
    ...(isIdList(x.notified) && { notified: [...x.notified] }),
  };
}

function asSettings(x: unknown): Settings | null {
  return isObject(x) && (x.textSize === 'normal' || x.textSize === 'large') ? { textSize: x.textSize } : null;
}

export interface Saved {
  run: Run | null;
  settings: Settings | null;
  imports: ImportedFile[];
  draft: Draft | null;
  /** The saved parts that were malformed and dropped, named for the trainee. */
  dropped: string[];
}

function asDraft(x: unknown): Draft | null {
  if (!isObject(x) || typeof x.file !== 'string' || typeof x.text !== 'string') return null;
  return { file: x.file, text: x.text, dirty: x.dirty === true };
}

function asImports(x: unknown): ImportedFile[] {
  if (!Array.isArray(x)) return [];
  return x.flatMap((f) =>
    isObject(f) && typeof f.file === 'string' && typeof f.text === 'string' ? [{ file: f.file, text: f.text }] : [],
  );
}

/** What the trainee would call each saved part, for saying what was dropped. */
const PART_NAMES = { run: '上次的演练进度', settings: '显示设置', imports: '部分导入的演练', draft: '编写中的剧本' };

export function readSaved(persisted: unknown, now: number): Saved {
  const raw = isObject(persisted) ? persisted : {};
  const saved: Saved = {
    run: asRun(raw.run),
    settings: asSettings(raw.settings),
    imports: asImports(raw.imports),
    draft: asDraft(raw.draft),
    dropped: [],
  };
  // What was there but could not be read: said, not silently lost.
  if (raw.run != null && !saved.run) saved.dropped.push(PART_NAMES.run);
  if (raw.settings != null && !saved.settings) saved.dropped.push(PART_NAMES.settings);
  if (Array.isArray(raw.imports) && saved.imports.length < raw.imports.length) saved.dropped.push(PART_NAMES.imports);
  if (raw.draft != null && !saved.draft) saved.dropped.push(PART_NAMES.draft);
  // A decision on screen always has the moment it was shown.
  if (saved.run?.view === 'decision' && saved.run.shownAt === null) saved.run.shownAt = now;
  return saved;
}
