/**
 * The class an instructor has loaded (班级复盘): the runs taken in, what was set aside the last
 * time, and whether the ranking is shown. Kept across a reload under its own storage key, with the
 * same care as a trainee's progress (store/save-storage.ts): storage that is full, refused or holds
 * something broken is reported, the broken text set aside, and nothing is dropped silently. Its own
 * store, loaded with the class overview, so the trainee's first load carries none of it.
 */

import type { StateStorage } from 'zustand/middleware';
import { persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { type ClassRun, type Intake, type Refusal, runKey } from '../../report/class-intake';
import { checkResults } from '../../report/results-file';
import { createSaveHealth, saveStorage, setAside } from '../../store/save-storage';

/** The localStorage key the class is kept under, apart from the trainee's save. */
export const CLASS_STORAGE_KEY = 'tuiyan-class';
const CLASS_VERSION = 1;

export interface ClassState {
  runs: ClassRun[];
  /** What the last intake set aside, with reasons (not kept across a reload). */
  refused: Refusal[];
  /** How many files the last intake admitted, for its summary. */
  lastAdmitted: number | null;
  hideRanking: boolean;
  add: (intake: Intake) => void;
  remove: (id: string) => void;
  clear: () => void;
  setHideRanking: (hide: boolean) => void;
}

interface SavedClass {
  runs: ClassRun[];
  hideRanking: boolean;
}

/** The saved runs that still read as results files; the rest are named so the notice can say so. */
function readSavedClass(persisted: unknown): { saved: SavedClass; dropped: string[] } {
  const value = (persisted ?? {}) as Partial<Record<keyof SavedClass, unknown>>;
  const runs: ClassRun[] = [];
  const dropped: string[] = [];
  for (const item of Array.isArray(value.runs) ? value.runs : []) {
    const file = typeof item?.file === 'string' ? item.file : '（无名文件）';
    const checked = checkResults(JSON.stringify(item?.results ?? null));
    if (checked.ok) runs.push({ id: runKey(checked.file), file, results: checked.file });
    else dropped.push(file);
  }
  return { saved: { runs, hideRanking: value.hideRanking === true }, dropped };
}

/**
 * The most the class may take of the browser's storage, in characters: the trainee's save and the
 * authoring draft share the same few megabytes, and a class of a few hundred files would crowd them
 * out. Past it the class lives on in memory and the notice says so.
 */
export const CLASS_MAX_CHARS = 2_000_000;

/** `base`, refusing as a full storage would a class larger than its share. */
function capped(base: StateStorage | null, max: number): StateStorage | null {
  if (!base) return null;
  return {
    getItem: (name) => base.getItem(name),
    removeItem: (name) => base.removeItem(name),
    setItem: (name, value) => {
      if (value.length > max) throw new DOMException('the class is larger than its share', 'QuotaExceededError');
      return base.setItem(name, value);
    },
  };
}

export function createClassStore(base: StateStorage | null, maxChars = CLASS_MAX_CHARS) {
  const storage = capped(base, maxChars);
  const health = createSaveHealth();
  const store = createStore<ClassState>()(
    persist(
      (set) => ({
        runs: [],
        refused: [],
        lastAdmitted: null,
        hideRanking: false,
        add: (intake) =>
          set((s) => ({
            runs: [...s.runs, ...intake.admitted],
            refused: intake.refused,
            lastAdmitted: intake.admitted.length,
          })),
        remove: (id) => set((s) => ({ runs: s.runs.filter((r) => r.id !== id) })),
        clear: () => set({ runs: [], refused: [], lastAdmitted: null }),
        setHideRanking: (hideRanking) => set({ hideRanking }),
      }),
      {
        name: CLASS_STORAGE_KEY,
        version: CLASS_VERSION,
        storage: saveStorage(storage, health, CLASS_VERSION),
        partialize: (s): SavedClass => ({ runs: s.runs, hideRanking: s.hideRanking }),
        merge: (persisted, current) => {
          const { saved, dropped } = readSavedClass(persisted);
          if (dropped.length > 0) {
            const raw = health.getState().readText ?? JSON.stringify(persisted);
            if (storage) setAside(storage, CLASS_STORAGE_KEY, raw);
            health.setState({ problem: { kind: 'partly-dropped', raw, dropped } });
          }
          return { ...current, ...saved };
        },
      },
    ),
  );
  return Object.assign(store, { health });
}

export type ClassStore = ReturnType<typeof createClassStore>;
