/**
 * The one store, assembled from its five slices (library, run, settings, authoring, navigation),
 * with immer applied once where the slices combine and persistence around it. Its types are in
 * app-state.ts, the saved shape and its migrations in saved-state.ts. Framework-free: React binds
 * to it in src/ui.
 */
import { persist } from 'zustand/middleware';
import { immer } from 'zustand/middleware/immer';
import { createStore } from 'zustand/vanilla';
import type { AppState, StoreDeps } from './app-state';
import { createAuthoringSlice } from './authoring-slice';
import { createDerivedRunCache } from './derive-run';
import { createLibrarySlice } from './library-slice';
import { createNavigationSlice } from './navigation-slice';
import { createRunSlice } from './run-slice';
import { browserStorage, createSaveHealth, saveStorage, setAside } from './save-storage';
import { migrate, readSaved, SAVE_VERSION, type SavedState } from './saved-state';
import { createSettingsSlice } from './settings-slice';

/** The localStorage key the save is kept under. */
export const STORAGE_KEY = 'tuiyan';

export function createAppStore(deps: StoreDeps) {
  const health = createSaveHealth();
  // This store's own cache of the last replay: the run slice and the selectors share it, other stores never do.
  const derivedRuns = createDerivedRunCache();
  const store = createStore<AppState>()(
    persist(
      immer((...creatorArgs) => ({
        ...createLibrarySlice(...creatorArgs),
        ...createRunSlice(deps, derivedRuns)(...creatorArgs),
        ...createSettingsSlice(...creatorArgs),
        ...createAuthoringSlice(...creatorArgs),
        ...createNavigationSlice(...creatorArgs),
      })),
      {
        name: STORAGE_KEY,
        version: SAVE_VERSION,
        storage: saveStorage(deps.storage, health, SAVE_VERSION),
        migrate: (state, from) => migrate(state, from, SAVE_VERSION),
        // The library is rebuilt from files on each start; only the run log, settings, imported
        // files and the authoring view's draft are saved. Not the page: on a shared classroom
        // machine the next trainee starts at the library, not in an instructor's screen.
        partialize: (state): SavedState => ({
          run: state.run,
          settings: state.settings,
          imports: state.imports,
          draft: state.draft,
        }),
        merge: (persisted, current) => {
          const saved = readSaved(persisted, deps.now());
          if (saved.dropped.length > 0) {
            // The text as storage held it, kept beside the save before the next change overwrites it.
            const raw = health.getState().readText ?? JSON.stringify(persisted);
            if (deps.storage) setAside(deps.storage, STORAGE_KEY, raw);
            health.setState({ problem: { kind: 'partly-dropped', raw, dropped: saved.dropped } });
          }
          return {
            ...current,
            run: saved.run,
            settings: saved.settings ?? current.settings,
            imports: saved.imports,
            draft: saved.draft,
          };
        },
      },
    ),
  );
  return Object.assign(store, { health, derivedRuns });
}

export type AppStore = ReturnType<typeof createAppStore>;

export function browserDeps(): StoreDeps {
  return {
    now: () => Date.now(),
    newSeed: () => Math.floor(Math.random() * 2 ** 32),
    storage: browserStorage(),
  };
}
