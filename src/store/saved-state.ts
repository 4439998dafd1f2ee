/**
 * The save, as one record (tldraw's shape: a record's type, checker and migrations in one file):
 * what is written to storage and its parts' types (the saved run above all), the checker that
 * reads them back, and the named steps that bring an older save to this version.
 *
 * What is read back is checked before it is trusted: a part of the wrong shape (an old version, a
 * hand edit, a half-written save) is dropped and named, and the rest is kept. Written by hand
 * rather than with the schema library so that the trainee's first load stays small.
 */
import { type Decision, MAX_TRIAL_CLOCK, type Origin, type VarValue } from '../engine/types';
import type { RegionOverride } from '../engine/world';
import { isObject } from './json-guards';
import { isTimeLimits, type TimeLimits } from './time-limits';

// ---------------------------------------------------------------------------------------------
// The types

/** The screen a run is on: saved, so that a reload resumes there. */
export type RunView = 'briefing' | 'decision' | 'consequence' | 'debrief';

/** A run as it is saved: enough to derive its RunState again by replay (never the state itself). */
export interface SavedRun {
  /** The drill's id; a trial's drill is the authoring view's draft, whatever its id. */
  scenarioId: string;
  /** Content hash of the drill file the run was played on. */
  hash: string;
  seed: number;
  decisions: Decision[];
  view: RunView;
  /**
   * Wall-clock time (ms since epoch) when the current decision was put before the trainee.
   * Saved so that a reload neither resets nor pauses a countdown.
   */
  shownAt: number | null;
  /** A trial run from the authoring view starts here; a trainee's run has none. */
  origin?: Origin;
  /**
   * The drill as it was when the run started (its JSON): a debrief stays readable, and a
   * changed decision can be named, after the drill file is updated.
   */
  played?: string;
  /** Wall-clock time (ms since epoch) when the run was started. Absent in runs saved before it was kept. */
  startedAt?: number;
  /** Wall-clock time (ms since epoch) when a decision brought the run to its ending. */
  endedAt?: number;
  /**
   * The trainee's name or number, typed on the debrief for the results file (trimmed, at most
   * MAX_TRAINEE_LENGTH characters). Kept with the run, so the next run on a shared machine starts without it.
   */
  trainee?: string;
  /**
   * The instructor's time-limit setting when the run started: kept with the run, so that a change
   * of the setting or a reload does not change the limits of a run in progress. Absent is ×1.
   */
  timeLimits?: TimeLimits;
}

/** The longest trainee name or number kept; src/report/results-file.ts allows the same. */
export const MAX_TRAINEE_LENGTH = 40;

/** A typed name as the run keeps it: trimmed and cut to MAX_TRAINEE_LENGTH without splitting a character; empty is none. */
export function traineeName(typed: string): string | undefined {
  let kept = '';
  for (const ch of typed.trim()) {
    if (kept.length + ch.length > MAX_TRAINEE_LENGTH) break;
    kept += ch;
  }
  kept = kept.trim();
  return kept === '' ? undefined : kept;
}

/** How the app is shown, saved across reloads. */
export interface Settings {
  /** Larger type for a projector or a class screen. */
  textSize: 'normal' | 'large';
  /** The instructor's setting for timed decisions on this machine: ×1, ×2 or none (WCAG 2.2.1). */
  timeLimits: TimeLimits;
}

/** A drill an instructor imported: its text is kept (and saved) so it survives a reload. */
export interface ImportedFile {
  file: string;
  text: string;
}

/** The drill open in the authoring view: its text as the instructor left it, saved across reloads. */
export interface Draft {
  file: string;
  text: string;
  /** Edited since it was opened, exported or put in the library: replacing it would lose work. */
  dirty: boolean;
}

/**
 * What is written to storage (as `state`, beside `version` and its `writer`, save-storage.ts): nothing that can be derived again.
 * Not the page: on a shared classroom machine the next trainee starts at the library. Not the
 * draft either: it is written under its own key (DRAFT_KEY in app-store.ts), apart from the run.
 */
export interface SavedState {
  run: SavedRun | null;
  settings: Settings;
  imports: ImportedFile[];
}

/** A save read back and checked part by part: each part as read (null or empty when missing or dropped). */
export interface CheckedSave {
  run: SavedRun | null;
  settings: Settings | null;
  imports: ImportedFile[];
  draft: Draft | null;
  /** The saved parts that were malformed and dropped, named for the trainee. */
  dropped: string[];
}

// ---------------------------------------------------------------------------------------------
// The checker

const VIEWS: readonly RunView[] = ['briefing', 'decision', 'consequence', 'debrief'];

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');

function asSavedRun(value: unknown): SavedRun | null {
  if (!isObject(value)) return null;
  const { scenarioId, hash, seed, decisions, view, shownAt } = value;
  if (typeof scenarioId !== 'string' || typeof hash !== 'string' || typeof seed !== 'number') return null;
  if (!Array.isArray(decisions)) return null;
  if (!decisions.every((d) => isObject(d) && typeof d.choiceId === 'string' && isCount(d.realMs))) return null;
  if (!VIEWS.includes(view as RunView)) return null;
  if (shownAt !== null && typeof shownAt !== 'number') return null;
  const origin = value.origin === undefined ? undefined : asOrigin(value.origin);
  if (origin === null) return null;
  const played = typeof value.played === 'string' ? value.played : undefined;
  // Added after version 2 was out, all optional: a run saved without them (or with one malformed)
  // is kept, without what cannot be read.
  const startedAt = isCount(value.startedAt) ? value.startedAt : undefined;
  const endedAt = isCount(value.endedAt) ? value.endedAt : undefined;
  const trainee = typeof value.trainee === 'string' ? traineeName(value.trainee) : undefined;
  // A run saved before the setting existed ran under the drill's own limits.
  const timeLimits = isTimeLimits(value.timeLimits) ? value.timeLimits : undefined;
  return {
    scenarioId,
    hash,
    seed,
    decisions: decisions.map((d) => ({ choiceId: d.choiceId as string, realMs: d.realMs as number })),
    view: view as RunView,
    shownAt,
    ...(origin && { origin }),
    ...(played !== undefined && { played }),
    ...(startedAt !== undefined && { startedAt }),
    ...(endedAt !== undefined && { endedAt }),
    ...(trainee !== undefined && { trainee }),
    ...(timeLimits !== undefined && { timeLimits }),
  };
}

function asOrigin(value: unknown): Origin | null {
  if (!isObject(value) || typeof value.node !== 'string' || !isCount(value.clock) || value.clock > MAX_TRIAL_CLOCK)
    return null;
  if (!isObject(value.vars) || !isObject(value.regions)) return null;
  // fromEntries makes own keys only: an id such as "__proto__" cannot reach a prototype.
  const vars = Object.fromEntries(
    Object.entries(value.vars).filter((e): e is [string, VarValue] => typeof e[1] === 'boolean' || isNumber(e[1])),
  );
  const regions = Object.fromEntries(
    Object.entries(value.regions).flatMap(([id, set]): [string, RegionOverride][] => {
      if (!isObject(set)) return [];
      const fields = (['infectious', 'beds', 'trust'] as const).filter((key) => isNumber(set[key]));
      return [[id, Object.fromEntries(fields.map((key) => [key, set[key] as number]))]];
    }),
  );
  return {
    node: value.node,
    clock: value.clock,
    vars,
    regions,
    ...(isIdList(value.completed) && { completed: [...value.completed] }),
    ...(isIdList(value.notified) && { notified: [...value.notified] }),
  };
}

function asSettings(value: unknown): Settings | null {
  if (!isObject(value) || (value.textSize !== 'normal' && value.textSize !== 'large')) return null;
  // Settings saved before the time-limit setting existed keep the drills' own limits.
  return { textSize: value.textSize, timeLimits: isTimeLimits(value.timeLimits) ? value.timeLimits : 'x1' };
}

/** The draft as its own key holds it (its JSON), or null when there is none or it cannot be read. */
export function readDraftText(text: string | null): Draft | null {
  if (text === null) return null;
  try {
    return asDraft(JSON.parse(text));
  } catch {
    return null;
  }
}

function asDraft(value: unknown): Draft | null {
  if (!isObject(value) || typeof value.file !== 'string' || typeof value.text !== 'string') return null;
  return { file: value.file, text: value.text, dirty: value.dirty === true };
}

function asImports(value: unknown): ImportedFile[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f) =>
    isObject(f) && typeof f.file === 'string' && typeof f.text === 'string' ? [{ file: f.file, text: f.text }] : [],
  );
}

/** What the trainee would call each saved part, for saying what was dropped. */
export const PART_NAMES = {
  run: '上次的演练进度',
  settings: '显示设置',
  imports: '部分导入的演练',
  draft: '编写中的剧本',
};

/**
 * The save (already migrated to SAVE_VERSION) checked part by part; `now` is given to a decision
 * on screen that lost when it was shown. Its `draft` is one an older save held inside it: a save
 * of this version has none.
 */
export function readSaved(persisted: unknown, now: number): CheckedSave {
  const raw = isObject(persisted) ? persisted : {};
  const saved: CheckedSave = {
    run: asSavedRun(raw.run),
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

// ---------------------------------------------------------------------------------------------
// Versions and migrations

/** The version of the save this app writes. Bump it with a named step in MIGRATIONS when the saved shape changes. */
export const SAVE_VERSION = 3;

/** One named step from the save of version `to - 1` to that of version `to`. */
export interface Migration {
  /** The version this step produces; it reads saves of version `to - 1`. */
  to: number;
  name: string;
  step: (state: unknown) => unknown;
}

/**
 * How a save written by an older version becomes one this version reads: named steps, each from
 * one version to the next, applied in order. A step may only add, rename or drop; what it cannot
 * carry over it leaves out, and readSaved drops whatever is still malformed.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Version 1 kept the screen an instructor was on; a shared classroom machine then opened
    // the next person's session in the authoring view. Version 2 always starts at the library.
    to: 2,
    name: 'drop the saved page',
    step: (state) => {
      if (!isObject(state)) return state;
      const { page: _dropped, ...rest } = state;
      return rest;
    },
  },
  {
    // Version 2 kept the authoring view's draft inside the save, so each key typed in a large
    // draft wrote the run, settings and imports again. Version 3 keeps it under its own key. A
    // step sees only this key's state: it leaves `draft` where it is, readSaved reads it, and
    // the store writes it under its own key and this save again without it (app-store.ts).
    to: 3,
    name: 'move the draft to its own key',
    step: (state) => state,
  },
];

/** The save of version `from`, brought to version `to` by every step in between. */
export function migrate(state: unknown, from: number, to: number, steps: readonly Migration[] = MIGRATIONS): unknown {
  let current = state;
  for (const migration of [...steps].sort((a, b) => a.to - b.to)) {
    if (migration.to > from && migration.to <= to) current = migration.step(current);
  }
  return current;
}
