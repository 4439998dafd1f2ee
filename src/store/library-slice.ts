// Owns `library` (the drills a trainee can start, and the files that could not be loaded) and `imports` (the imported files, saved).
import type { Scenario } from '../scenario/schema';
import type {
  CheckedDrill,
  DrillCard,
  FileProblems,
  IndexedFile,
  LibraryEntry,
  LibrarySlice,
  LoadedFile,
  SliceCreator,
} from './app-state';
import type { ImportedFile } from './saved-state';

/** scripts/vite-shipped-drills.ts names the shipped drills' types from here (their home is app-state.ts). */
export type { DrillCard, LoadedFile } from './app-state';

/** What the library's card shows of a drill, and all the drills' index carries before a drill is fetched. */
export function drillCard({ id, title, summary, role, estimatedMinutes, legalFramework }: Scenario): DrillCard {
  return { id, title, summary, role, estimatedMinutes, legalFramework };
}

const wholeEntry = (drill: CheckedDrill, source: LibraryEntry['source']): LibraryEntry => ({
  card: drillCard(drill.scenario),
  hash: drill.hash,
  source,
  scenario: drill.scenario,
  fetching: false,
  failure: null,
});

/** A shipped file as the index or a test gives it: the entry it makes, or the problems that kept it out. */
function shippedEntry(shipped: IndexedFile | LoadedFile): { entry: LibraryEntry } | FileProblems {
  if ('card' in shipped) {
    const { card, hash } = shipped;
    return { entry: { card, hash, source: 'shipped', scenario: null, fetching: false, failure: null } };
  }
  if ('problems' in shipped) return { file: shipped.file, problems: shipped.problems };
  const { result } = shipped;
  return result.ok ? { entry: wholeEntry(result, 'shipped') } : { file: shipped.file, problems: result.problems };
}

type Library = LibrarySlice['library'];

/** Each shipped file into the library (or among the rejected), and its fetch beside it. NOTE mutates `library`. */
function addShipped(
  library: Library,
  fetchers: Map<string, () => Promise<CheckedDrill>>,
  drills: readonly (IndexedFile | LoadedFile)[],
): void {
  for (const shipped of drills) {
    const made = shippedEntry(shipped);
    if (!('entry' in made)) {
      library.rejected.push(made);
    } else if (library.entries[made.entry.card.id]) {
      library.rejected.push({
        file: shipped.file,
        problems: [
          {
            severity: 'error',
            pointer: '/id',
            message: `演练 id“${made.entry.card.id}”与另一个文件重复：请给这个演练换一个 id。`,
          },
        ],
      });
    } else {
      library.entries[made.entry.card.id] = made.entry;
      if ('fetch' in shipped) fetchers.set(made.entry.card.id, shipped.fetch);
    }
  }
  library.status = 'ready';
  library.failure = null;
}

/**
 * `shipped`: the drills' index when the store is made with it, so that the store's first state
 * already holds the cards. That state is what a page drawn at build time was drawn from, and what
 * React hydrates it with (zustand's server snapshot is the store's initial state).
 */
export const createLibrarySlice =
  (shipped?: readonly (IndexedFile | LoadedFile)[]): SliceCreator<LibrarySlice> =>
  (set, get) => {
    // Kept with the store, not in its state: how to fetch each shipped drill, and the fetches under way.
    const fetchers = new Map<string, () => Promise<CheckedDrill>>();
    const pending = new Map<string, Promise<CheckedDrill | null>>();
    const library: Library = { status: 'loading', failure: null, entries: {}, rejected: [] };
    if (shipped) addShipped(library, fetchers, shipped);

    const fetchShipped = async (id: string, fetch: () => Promise<CheckedDrill>): Promise<CheckedDrill | null> => {
      set((state) => {
        const entry = state.library.entries[id];
        if (entry) Object.assign(entry, { fetching: true, failure: null });
      });
      try {
        const drill = await fetch();
        set((state) => {
          const entry = state.library.entries[id];
          // Only the drill the index announced: a chunk from another build would not match its hash.
          if (entry?.source !== 'shipped' || entry.hash !== drill.hash) return;
          Object.assign(entry, { scenario: drill.scenario, fetching: false, failure: null });
        });
        const entry = get().library.entries[id];
        if (!entry?.scenario) throw new Error('演练内容与演练库的目录不符，请刷新页面');
        // A saved run waiting for this drill is checked against it now, as at start.
        if (get().run?.scenarioId === id) get().reconcileRun();
        return { scenario: entry.scenario, hash: entry.hash };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        set((state) => {
          const entry = state.library.entries[id];
          if (entry) Object.assign(entry, { fetching: false, failure: message });
        });
        return null;
      }
    };

    return {
      imports: [],
      importDrill: (file, result) => {
        if (!result.ok) return { ok: false, problems: result.problems };
        const id = result.scenario.id;
        if (get().library.entries[id]?.source === 'shipped') {
          return {
            ok: false,
            problems: [
              {
                severity: 'error',
                pointer: '/id',
                message: `演练 id“${id}”与自带的演练重复：请给导入的演练换一个 id。`,
              },
            ],
          };
        }
        set((state) => {
          state.library.entries[id] = wholeEntry(result, 'imported');
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
      library,
      shippedDrillsFailed: (message) =>
        set((state) => {
          state.library.status = 'failed';
          state.library.failure = message;
        }),
      addShippedDrills: (drills) => {
        set((state) => {
          addShipped(state.library, fetchers, drills);
        });
      },
      fetchDrill: (id) => {
        const entry = get().library.entries[id];
        if (!entry) return Promise.resolve(null);
        if (entry.scenario) return Promise.resolve({ scenario: entry.scenario, hash: entry.hash });
        const fetch = fetchers.get(id);
        if (!fetch) return Promise.resolve(null);
        let fetching = pending.get(id);
        if (!fetching) {
          fetching = fetchShipped(id, fetch).finally(() => pending.delete(id));
          pending.set(id, fetching);
        }
        return fetching;
      },
      prefetchDrill: (id) => {
        if (get().library.entries[id]?.scenario) return;
        // The module is kept once evaluated, so the fetch that needs it later finds it at once.
        fetchers
          .get(id)?.()
          .catch(() => undefined);
      },
    };
  };

/** Whether a saved import is the drill with this id (read from its text without loading it). */
export function importedId(file: ImportedFile, id: string): boolean {
  try {
    return (JSON.parse(file.text) as { id?: unknown }).id === id;
  } catch {
    return false;
  }
}
