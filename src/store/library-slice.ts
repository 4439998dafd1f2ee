import type { StateCreator } from 'zustand';
import type { LoadResult } from '../scenario/load';
import type { Problem } from '../scenario/problem';
import type { Scenario } from '../scenario/schema';
import type { AppState, Middlewares } from './app-store';

export interface LibraryEntry {
  scenario: Scenario;
  /** Content hash of the file the scenario was loaded from. */
  hash: string;
  source: 'shipped' | 'imported';
}

/** One scenario file and what loading it gave. */
export interface LoadedFile {
  file: string;
  result: LoadResult;
}

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
  /** Adds the shipped drills, already loaded (at build time, by scripts/vite-shipped-drills.ts). */
  addShippedDrills: (drills: readonly LoadedFile[]) => void;
  shippedDrillsFailed: (message: string) => void;
}

export const createLibrarySlice: StateCreator<AppState, Middlewares, [], LibrarySlice> = (set) => ({
  library: { status: 'loading', failure: null, entries: {}, rejected: [] },
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
