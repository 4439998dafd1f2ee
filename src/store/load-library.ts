/**
 * Loading the drills when the app starts: into the library, the shipped drills' index (checked at
 * build time; each drill is fetched when needed) and the imported ones (checked again now); beside
 * it, a trial's draft (checked again, as `draftDrill`) and — when a saved run's drill has changed
 * since — the version the run was played on (`playedDrill`). The checker is fetched only when one
 * of those needs it. Everything is added in one go, so no screen sees a half-filled library; then
 * a saved run's shipped drill is fetched, the run waiting for it.
 */
import type { LoadResult } from '../scenario/load';
import type { IndexedFile, LoadedFile } from './app-state';
import type { AppStore } from './app-store';
import { loadRunEngine } from './run-engine';

type Loader = { load: (text: string) => LoadResult };

type ShippedDrills = readonly (IndexedFile | LoadedFile)[];

/**
 * Fills the library. With the index at hand (not a promise) and nothing saved to check — no imported
 * file, no run to resume — it is filled before this returns, so the first screen is drawn with its
 * cards rather than drawn twice.
 */
export function loadLibrary(
  store: AppStore,
  shippedDrills: () => Promise<ShippedDrills> | ShippedDrills,
  fetchLoader: () => Promise<Loader>,
): Promise<void> {
  let listed: Promise<ShippedDrills> | ShippedDrills;
  try {
    listed = shippedDrills();
  } catch (e) {
    return Promise.resolve(failed(store, e));
  }
  const { imports: saved, run } = store.getState();
  if (!(listed instanceof Promise) && saved.length === 0 && !run) {
    if (!holdsShipped(store)) store.getState().addShippedDrills(listed);
    return Promise.resolve();
  }
  return checkAndAdd(store, listed, fetchLoader);
}

/** The store was made with the index (app-store.ts): its drills are in the library already. */
function holdsShipped(store: AppStore): boolean {
  return store.getState().library.status === 'ready';
}

function failed(store: AppStore, e: unknown): void {
  store.getState().shippedDrillsFailed(e instanceof Error ? e.message : String(e));
}

async function checkAndAdd(
  store: AppStore,
  listed: Promise<ShippedDrills> | ShippedDrills,
  fetchLoader: () => Promise<Loader>,
): Promise<void> {
  try {
    const { imports: saved, draft, run } = store.getState();
    // A trial run being resumed needs the authoring view's drill in the library.
    const trial = run?.origin ? draft : null;
    // Fetched side by side: the drills always, the loader only when something saved must be checked.
    // A saved run needs the engine to be checked: fetched beside them, as the run is shown at once.
    const [drills, fetched] = await Promise.all([
      listed,
      saved.length > 0 || trial ? fetchLoader() : null,
      run ? loadRunEngine() : null,
    ]);
    let loader = fetched;
    const imported = saved.map((file) => ({ file, result: loader?.load(file.text) }));
    // The drill's current version, to tell whether the saved run was played on another.
    const current = [...drills.map(shippedHash), ...imported.map((i) => i.result && hashOf(i.result))].find(
      (d) => d?.id === run?.scenarioId,
    );
    const changed = run && !run.origin && current?.hash !== run.hash;
    if (changed && run.played) loader ??= await fetchLoader();
    const played = changed && run.played ? loader?.load(run.played) : undefined;

    const state = store.getState();
    if (!holdsShipped(store)) state.addShippedDrills(drills);
    for (const { file, result } of imported) {
      if (!result) continue;
      const outcome = state.importDrill(file, result);
      if (!outcome.ok) state.reject({ file: file.file, problems: outcome.problems });
    }
    const drill = trial && loader?.load(trial.text);
    if (drill?.ok) state.setDraftDrill(drill.scenario, drill.hash);
    if (played?.ok) state.setPlayedDrill(played.scenario);
    state.reconcileRun();
    // Not awaited by the library: a run on a shipped drill waits for it (and is reconciled when it comes).
    if (run && !run.origin) await state.fetchDrill(run.scenarioId);
  } catch (e) {
    failed(store, e);
  }
}

/** A drill's id and hash, from the index or from a file loaded whole. */
function shippedHash(file: IndexedFile | LoadedFile): { id: string; hash: string } | undefined {
  if ('card' in file) return { id: file.card.id, hash: file.hash };
  return 'result' in file ? hashOf(file.result) : undefined;
}

function hashOf(result: LoadResult): { id: string; hash: string } | undefined {
  return result.ok ? { id: result.scenario.id, hash: result.hash } : undefined;
}
