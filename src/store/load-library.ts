/**
 * Loading the drills when the app starts: into the library, the shipped drills (checked at build
 * time) and the imported ones (checked again now); beside it, a trial's draft (checked again, as
 * `draftDrill`) and — when a saved run's drill has changed since — the version the run was played
 * on (`playedDrill`). The checker is fetched only when one of those needs it. Everything is added
 * in one go, so no screen sees a half-filled library.
 */
import type { LoadResult } from '../scenario/load';
import type { LoadedFile } from './app-state';
import type { AppStore } from './app-store';

type Loader = { load: (text: string) => LoadResult };

export async function loadLibrary(
  store: AppStore,
  shippedDrills: () => Promise<readonly LoadedFile[]>,
  fetchLoader: () => Promise<Loader>,
): Promise<void> {
  try {
    const { imports: saved, draft, run } = store.getState();
    // A trial run being resumed needs the authoring view's drill in the library.
    const trial = run?.origin ? draft : null;
    // Fetched side by side: the drills always, the loader only when something saved must be checked.
    const [drills, fetched] = await Promise.all([shippedDrills(), saved.length > 0 || trial ? fetchLoader() : null]);
    let loader = fetched;
    const imported = saved.map((file) => ({ file, result: loader?.load(file.text) }));
    // The drill's current version, to tell whether the saved run was played on another.
    const current = [...drills.map((d) => d.result), ...imported.map((i) => i.result)].find(
      (r) => r?.ok && r.scenario.id === run?.scenarioId,
    );
    const changed = run && !run.origin && !(current?.ok && current.hash === run.hash);
    if (changed && run.played) loader ??= await fetchLoader();
    const played = changed && run.played ? loader?.load(run.played) : undefined;

    const state = store.getState();
    state.addShippedDrills(drills);
    for (const { file, result } of imported) {
      if (!result) continue;
      const outcome = state.importDrill(file, result);
      if (!outcome.ok) state.reject({ file: file.file, problems: outcome.problems });
    }
    const drill = trial && loader?.load(trial.text);
    if (drill?.ok) state.setDraftDrill(drill.scenario, drill.hash);
    if (played?.ok) state.setPlayedDrill(played.scenario);
    state.reconcileRun();
  } catch (e) {
    store.getState().shippedDrillsFailed(e instanceof Error ? e.message : String(e));
  }
}
