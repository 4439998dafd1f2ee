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
    status: 'loading' | 'ready';
    /** Drill id → entry, in the order they were added. */
    entries: Record<string, LibraryEntry>;
    /** Files that could not be loaded, with every problem found. */
    rejected: FileProblems[];
  };
  /** Adds the shipped drills, already loaded (at build time, by scripts/vite-shipped-drills.ts). */
  addShippedDrills: (drills: readonly LoadedFile[]) => void;
}

export const createLibrarySlice: StateCreator<AppState, Middlewares, [], LibrarySlice> = (set) => ({
  library: { status: 'loading', entries: {}, rejected: [] },
  addShippedDrills: (drills) =>
    set((s) => {
      for (const { file, result } of drills) {
        if (result.ok) {
          s.library.entries[result.scenario.id] = { scenario: result.scenario, hash: result.hash, source: 'shipped' };
        } else {
          s.library.rejected.push({ file, problems: result.problems });
        }
      }
      s.library.status = 'ready';
    }),
});
