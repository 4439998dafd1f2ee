/**
 * What is read back from storage is checked before it is trusted: a saved run of the wrong shape
 * (an old version, a hand edit, a half-written save) is dropped, and the rest is kept. Written
 * by hand rather than with the schema library so that the trainee's first load stays small.
 */
import type { Origin, RegionOverride, VarValue } from '../engine/types';
import type { Draft, Page } from './authoring-slice';
import type { ImportedFile } from './library-slice';
import type { Run, RunView } from './run-slice';
import type { Settings } from './settings-slice';

const VIEWS: readonly RunView[] = ['briefing', 'decision', 'consequence', 'debrief'];

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
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
  return {
    scenarioId,
    hash,
    seed,
    decisions: decisions.map((d) => ({ choiceId: d.choiceId as string, realMs: d.realMs as number })),
    view: view as RunView,
    shownAt,
    ...(origin && { origin }),
  };
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function asOrigin(x: unknown): Origin | null {
  if (!isObject(x) || typeof x.node !== 'string' || !isCount(x.clock)) return null;
  if (!isObject(x.vars) || !isObject(x.regions)) return null;
  const vars: Record<string, VarValue> = {};
  for (const [id, value] of Object.entries(x.vars)) {
    if (typeof value === 'boolean' || isNumber(value)) vars[id] = value;
  }
  const regions: Record<string, RegionOverride> = {};
  for (const [id, set] of Object.entries(x.regions)) {
    if (!isObject(set)) continue;
    const o: RegionOverride = {};
    for (const key of ['infectious', 'beds', 'trust'] as const) if (isNumber(set[key])) o[key] = set[key];
    regions[id] = o;
  }
  return { node: x.node, clock: x.clock, vars, regions };
}

function asSettings(x: unknown): Settings | null {
  return isObject(x) && (x.textSize === 'normal' || x.textSize === 'large') ? { textSize: x.textSize } : null;
}

export interface Saved {
  run: Run | null;
  settings: Settings | null;
  imports: ImportedFile[];
  page: Page;
  draft: Draft | null;
}

const PAGES: readonly Page[] = ['library', 'authoring', 'help'];

function asDraft(x: unknown): Draft | null {
  return isObject(x) && typeof x.file === 'string' && typeof x.text === 'string'
    ? { file: x.file, text: x.text }
    : null;
}

function asImports(x: unknown): ImportedFile[] {
  if (!Array.isArray(x)) return [];
  return x.flatMap((f) =>
    isObject(f) && typeof f.file === 'string' && typeof f.text === 'string' ? [{ file: f.file, text: f.text }] : [],
  );
}

export function readSaved(persisted: unknown, now: number): Saved {
  const raw = isObject(persisted) ? persisted : {};
  const draft = asDraft(raw.draft);
  const saved: Saved = {
    run: asRun(raw.run),
    settings: asSettings(raw.settings),
    imports: asImports(raw.imports),
    page: PAGES.includes(raw.page as Page) ? (raw.page as Page) : 'library',
    draft,
  };
  // A decision on screen always has the moment it was shown.
  if (saved.run?.view === 'decision' && saved.run.shownAt === null) saved.run.shownAt = now;
  return saved;
}
