import type { StateCreator } from 'zustand';
import type { LoadResult } from '../scenario/load';
import type { Problem } from '../scenario/problem';
import type { Scenario } from '../scenario/schema';
import type { AppState, Middlewares } from './app-store';

export interface LibraryEntry {
  scenario: Scenario;
  /** Content hash of the file the scenario was loaded from. */
  hash: string;
  /**
   * 'draft': the authoring view's drill, under DRAFT_ID, played only as a trial. 'played': the
   * version a saved run was played on, under PLAYED_ID, for its debrief. Neither is listed.
   */
  source: 'shipped' | 'imported' | 'draft' | 'played';
}

/** The library key of the authoring view's drill: never a drill id (ids cannot contain '$'). */
export const DRAFT_ID = '$draft';
/** The library key of the version a saved run was played on, when the drill has changed since. */
export const PLAYED_ID = '$played';

/** One scenario file and what loading it gave. */
export interface LoadedFile {
  file: string;
  result: LoadResult;
}

/** A drill an instructor imported: its text is kept (and saved) so it survives a reload. */
export interface ImportedFile {
  file: string;
  text: string;
}

export type ImportOutcome = { ok: true; id: string } | { ok: false; problems: Problem[] };

export interface FileProblems {
  file: string;
  problems: Problem[];
}

export interface LibrarySlice {
  library: {
    status: 'loading' | 'ready' | 'failed';
    /** Why the shipped drills could not be fetched, when status is 'failed'. */
    failure: string | null;
    /** Drill id → entry, in the order they were added. */
    entries: Record<string, LibraryEntry>;
    /** Files that could not be loaded, with every problem found. */
    rejected: FileProblems[];
  };
  /** The imported drills' files, saved; each is loaded again when the app starts. */
  imports: ImportedFile[];
  /** Adds the shipped drills, already loaded (at build time, by scripts/vite-shipped-drills.ts). */
  addShippedDrills: (drills: readonly LoadedFile[]) => void;
  /**
   * Adds a drill the instructor imported, once `load` has checked it. A file with problems, or
   * whose id is a shipped drill's, changes nothing. Importing a drill again replaces it.
   */
  importDrill: (file: ImportedFile, result: LoadResult) => ImportOutcome;
  /** Takes an imported drill out of the library. */
  removeImported: (id: string) => void;
  /** Lists a file that could not be loaded, with its problems. */
  reject: (rejected: FileProblems) => void;
  shippedDrillsFailed: (message: string) => void;
  /** Puts the authoring view's checked drill under DRAFT_ID, for trial runs. */
  setDraftDrill: (scenario: Scenario, hash: string) => void;
  /** Puts the checked version a saved run was played on under PLAYED_ID. */
  setPlayedDrill: (scenario: Scenario) => void;
}

export const createLibrarySlice: StateCreator<AppState, Middlewares, [], LibrarySlice> = (set, get) => ({
  imports: [],
  importDrill: (file, result) => {
    if (!result.ok) return { ok: false, problems: result.problems };
    const id = result.scenario.id;
    if (get().library.entries[id]?.source === 'shipped') {
      return {
        ok: false,
        problems: [
          { severity: 'error', pointer: '/id', message: `演练 id“${id}”与自带的演练重复：请给导入的演练换一个 id。` },
        ],
      };
    }
    set((s) => {
      s.library.entries[id] = { scenario: result.scenario, hash: result.hash, source: 'imported' };
      s.imports = [...s.imports.filter((x) => !importedId(x, id)), file];
    });
    return { ok: true, id };
  },
  reject: (rejected) =>
    set((s) => {
      s.library.rejected.push(rejected);
    }),
  removeImported: (id) =>
    set((s) => {
      if (s.library.entries[id]?.source !== 'imported') return;
      delete s.library.entries[id];
      s.imports = s.imports.filter((x) => !importedId(x, id));
    }),
  library: { status: 'loading', failure: null, entries: {}, rejected: [] },
  setPlayedDrill: (scenario) =>
    set((s) => {
      // Its content hash is not needed: it is only ever shown for the run that kept it.
      s.library.entries[PLAYED_ID] = { scenario, hash: '', source: 'played' };
    }),
  setDraftDrill: (scenario, hash) =>
    set((s) => {
      if (s.library.entries[DRAFT_ID]?.hash === hash) return;
      s.library.entries[DRAFT_ID] = { scenario, hash, source: 'draft' };
    }),
  shippedDrillsFailed: (message) =>
    set((s) => {
      s.library.status = 'failed';
      s.library.failure = message;
    }),
  addShippedDrills: (drills) =>
    set((s) => {
      for (const { file, result } of drills) {
        if (result.ok && s.library.entries[result.scenario.id]) {
          s.library.rejected.push({
            file,
            problems: [
              {
                severity: 'error',
                pointer: '/id',
                message: `演练 id“${result.scenario.id}”与另一个文件重复：请给这个演练换一个 id。`,
              },
            ],
          });
        } else if (result.ok) {
          s.library.entries[result.scenario.id] = { scenario: result.scenario, hash: result.hash, source: 'shipped' };
        } else {
          s.library.rejected.push({ file, problems: result.problems });
        }
      }
      s.library.status = 'ready';
      s.library.failure = null;
    }),
});

/** Whether a saved import is the drill with this id (read from its text without loading it). */
export function importedId(file: ImportedFile, id: string): boolean {
  try {
    return (JSON.parse(file.text) as { id?: unknown }).id === id;
  } catch {
    return false;
  }
}
