/**
 * Filling the library when the app starts: the shipped drills (checked at build time), the
 * imported ones and a trial's draft (checked again now), and — when a saved run's drill has
 * changed since — the version the run was played on. The checker is fetched only when one of
 * those needs it. Everything is added in one step, so no screen sees a half-filled library.
 */
import type { LoadResult } from '../scenario/load';
import type { AppStore } from './app-store';
import type { LoadedFile } from './library-slice';

type Checker = { load: (text: string) => LoadResult };

export async function loadLibrary(
  store: AppStore,
  shippedDrills: () => Promise<readonly LoadedFile[]>,
  checker: () => Promise<Checker>,
): Promise<void> {
  try {
    const { imports: saved, draft, run } = store.getState();
    // A trial run being resumed needs the authoring view's drill in the library.
    const trial = run?.origin ? draft : null;
    const [drills, early] = await Promise.all([shippedDrills(), saved.length > 0 || trial ? checker() : null]);
    let check = early;
    const imported = saved.map((file) => ({ file, result: check?.load(file.text) }));
    // The drill's current version, to tell whether the saved run was played on another.
    const current = [...drills.map((d) => d.result), ...imported.map((i) => i.result)].find(
      (r) => r?.ok && r.scenario.id === run?.scenarioId,
    );
    const changed = run && !run.origin && !(current?.ok && current.hash === run.hash);
    if (changed && run.played) check ??= await checker();
    const played = changed && run.played ? check?.load(run.played) : undefined;

    const state = store.getState();
    state.addShippedDrills(drills);
    for (const { file, result } of imported) {
      if (!result) continue;
      const outcome = state.importDrill(file, result);
      if (!outcome.ok) state.reject({ file: file.file, problems: outcome.problems });
    }
    const drill = trial && check?.load(trial.text);
    if (drill?.ok) state.setDraftDrill(drill.scenario, drill.hash);
    if (played?.ok) state.setPlayedDrill(played.scenario);
    state.reconcileRun();
  } catch (e) {
    store.getState().shippedDrillsFailed(e instanceof Error ? e.message : String(e));
  }
}
