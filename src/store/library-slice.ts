// Owns `library` (the drills a trainee can start, and the files that could not be loaded) and `imports` (the imported files, saved).
import type { LibrarySlice, SliceCreator } from './app-state';
import type { ImportedFile } from './saved-state';

/** scripts/vite-shipped-drills.ts names the shipped drills' type from here (its home is app-state.ts). */
export type { LoadedFile } from './app-state';

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => ({
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
    set((state) => {
      state.library.entries[id] = { scenario: result.scenario, hash: result.hash, source: 'imported' };
      state.imports = [...state.imports.filter((x) => !importedId(x, id)), file];
    });
    return { ok: true, id };
  },
  reject: (rejected) =>
    set((state) => {
      state.library.rejected.push(rejected);
    }),
  removeImported: (id) =>
    set((state) => {
      if (state.library.entries[id]?.source !== 'imported') return;
      delete state.library.entries[id];
      state.imports = state.imports.filter((x) => !importedId(x, id));
    }),
  library: { status: 'loading', failure: null, entries: {}, rejected: [] },
  shippedDrillsFailed: (message) =>
    set((state) => {
      state.library.status = 'failed';
      state.library.failure = message;
    }),
  addShippedDrills: (drills) =>
    set((state) => {
      for (const { file, result } of drills) {
        if (result.ok && state.library.entries[result.scenario.id]) {
          state.library.rejected.push({
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
          state.library.entries[result.scenario.id] = {
            scenario: result.scenario,
            hash: result.hash,
            source: 'shipped',
          };
        } else {
          state.library.rejected.push({ file, problems: result.problems });
        }
      }
      state.library.status = 'ready';
      state.library.failure = null;
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
