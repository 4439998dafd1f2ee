/**
 * The one store, made of slices (library, run, settings), with immer applied once where the
 * slices combine and persistence around it. Framework-free: React binds to it in src/ui.
 */
import { persist, type StateStorage } from 'zustand/middleware';
import { immer } from 'zustand/middleware/immer';
import { createStore } from 'zustand/vanilla';
import { type AuthoringSlice, createAuthoringSlice } from './authoring-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { migrate } from './migrations';
import { createRunSlice, type RunSlice } from './run-slice';
import { browserStorage, createSaveHealth, saveStorage, setAside } from './save-storage';
import { readSaved } from './saved-state';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';

export type AppState = LibrarySlice & RunSlice & SettingsSlice & AuthoringSlice;
export type Middlewares = [['zustand/persist', unknown], ['zustand/immer', never]];

/** What the store needs from the outside world, injected so tests control time and chance. */
export interface StoreDeps {
  now: () => number;
  newSeed: () => number;
  /** Null when the browser gives no storage: the app then works in memory and says so. */
  storage: StateStorage | null;
}

/** Bump with a named step in migrations.ts when the saved shape changes. */
export const SAVE_VERSION = 2;
export const STORAGE_KEY = 'tuiyan';

export function createAppStore(deps: StoreDeps) {
  const health = createSaveHealth();
  const store = createStore<AppState>()(
    persist(
      immer((...a) => ({
        ...createLibrarySlice(...a),
        ...createRunSlice(deps)(...a),
        ...createSettingsSlice(...a),
        ...createAuthoringSlice(...a),
      })),
      {
        name: STORAGE_KEY,
        version: SAVE_VERSION,
        storage: saveStorage(deps.storage, health, SAVE_VERSION),
        migrate: (state, from) => migrate(state, from, SAVE_VERSION),
        // The library is rebuilt from files on each start; only the run log, settings, imported
        // files and the authoring view's draft are saved. Not the page: on a shared classroom
        // machine the next trainee starts at the library, not in an instructor's screen.
        partialize: (s) => ({ run: s.run, settings: s.settings, imports: s.imports, draft: s.draft }),
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
  return Object.assign(store, { health });
}

export type AppStore = ReturnType<typeof createAppStore>;

export function browserDeps(): StoreDeps {
  return {
    now: () => Date.now(),
    newSeed: () => Math.floor(Math.random() * 2 ** 32),
    storage: browserStorage(),
  };
}
