/**
 * The one store, assembled from its five slices (library, run, settings, authoring, navigation),
 * with immer applied once where the slices combine and persistence around it. Its types are in
 * app-state.ts, the saved shape and its migrations in saved-state.ts. Framework-free: React binds
 * to it in src/ui.
 */
import { persist } from 'zustand/middleware';
import { immer } from 'zustand/middleware/immer';
import { createStore } from 'zustand/vanilla';
import { afterNextPaint } from './after-next-paint';
import type { AppState, IndexedFile, LoadedFile, StoreDeps } from './app-state';
import { createAuthoringSlice } from './authoring-slice';
import { createDerivedRunCache } from './derive-run';
import { createLibrarySlice } from './library-slice';
import { createNavigationSlice } from './navigation-slice';
import { createRunSlice } from './run-slice';
import { browserStorage, createSaveHealth, draftSaver, saveStorage, setAside } from './save-storage';
import { migrate, PART_NAMES, readDraftText, readSaved, SAVE_VERSION, type SavedState } from './saved-state';
import { createSettingsSlice } from './settings-slice';

/** The localStorage key the save is kept under. */
export const STORAGE_KEY = 'tuiyan';
/** The authoring view's draft is kept under its own key, written apart from the save (save-storage.ts says why). */
export const DRAFT_KEY = 'tuiyan:draft';

/** `shipped`: the drills' index, in the store's first state (library-slice.ts says why). */
export function createAppStore(deps: StoreDeps, { shipped }: { shipped?: readonly (IndexedFile | LoadedFile)[] } = {}) {
  const health = createSaveHealth();
  // This store's own cache of the last replay: the run slice and the selectors share it, other stores never do.
  const derivedRuns = createDerivedRunCache();
  const drafts = draftSaver(deps.storage, health, DRAFT_KEY);
  const saves = saveStorage(deps.storage, health, SAVE_VERSION, deps.saveLater);
  // A draft an older save held inside it, to be written under its own key once the store exists.
  let draftToMove = false;
  const store = createStore<AppState>()(
    persist(
      immer((...creatorArgs) => ({
        ...createLibrarySlice(shipped)(...creatorArgs),
        ...createRunSlice(deps, derivedRuns)(...creatorArgs),
        ...createSettingsSlice(...creatorArgs),
        ...createAuthoringSlice(...creatorArgs),
        ...createNavigationSlice(...creatorArgs),
      })),
      {
        name: STORAGE_KEY,
        version: SAVE_VERSION,
        storage: saves,
        migrate: (state, from) => migrate(state, from, SAVE_VERSION),
        // The library is rebuilt from files on each start; only the run log, settings and imported
        // files are saved here, and the draft under its own key. Not the page: on a shared classroom
        // machine the next trainee starts at the library, not in an instructor's screen.
        partialize: (state): SavedState => ({
          run: state.run,
          settings: state.settings,
          imports: state.imports,
        }),
        merge: (persisted, current) => {
          // What this tab typed goes to storage before another tab's save is read over it.
          drafts.flush();
          const saved = readSaved(persisted, deps.now());
          const draftText = drafts.read();
          let draft = readDraftText(draftText);
          if (draftText !== null && !draft) saved.dropped.push(PART_NAMES.draft);
          if (!draft && saved.draft) {
            draft = saved.draft;
            draftToMove = true;
          }
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
            draft,
          };
        },
      },
    ),
  );
  const serialiseDraft = () => {
    const { draft } = store.getState();
    return draft ? JSON.stringify(draft) : null;
  };
  store.subscribe((state, previous) => {
    if (state.draft !== previous.draft) drafts.schedule(serialiseDraft);
  });
  if (draftToMove) {
    // The older save has just been written again without it (persist rewrites a migrated save).
    drafts.schedule(serialiseDraft);
    drafts.flush();
  }
  /** The draft another tab wrote under its key, taken up in place of this tab's. */
  const reloadDraft = () => store.setState({ draft: readDraftText(drafts.read()) });
  /** What is held back goes to storage: the save (written after the next paint) and the draft (after typing pauses). */
  const flushSaves = () => {
    saves.flush();
    drafts.flush();
  };
  return Object.assign(store, {
    health,
    derivedRuns,
    drafts,
    reloadDraft,
    savePending: saves.pending,
    flushSaves,
    // The store's clock, for an input that is answered now and committed a frame later (`decide`'s `at`).
    now: deps.now,
  });
}

export type AppStore = ReturnType<typeof createAppStore>;

export function browserDeps(): StoreDeps {
  return {
    now: () => Date.now(),
    newSeed: () => Math.floor(Math.random() * 2 ** 32),
    storage: browserStorage(),
    saveLater: afterNextPaint,
  };
}
