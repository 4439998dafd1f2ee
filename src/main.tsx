import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserDeps, createAppStore, STORAGE_KEY } from './store/app-store';
import { watchOtherTabs } from './store/other-tabs';
import { App } from './ui/app';
import { StoreProvider } from './ui/store-context';
import './ui/styles.css';

const store = createAppStore(browserDeps());
watchOtherTabs(window, STORAGE_KEY, store.health);

// The drills come as their own chunk, already checked at build time: the trainee's first load
// carries neither their text nor the validator.
async function loadShippedDrills(): Promise<void> {
  try {
    const { imports: saved, draft, run } = store.getState();
    // A trial run being resumed needs the authoring view's drill in the library.
    const trial = run?.origin ? draft : null;
    // The loader is fetched only when there are imported drills or a trial's drill to check again.
    const [{ default: drills }, checker] = await Promise.all([
      import('virtual:shipped-drills'),
      saved.length > 0 || trial ? import('./scenario/load') : null,
    ]);
    // Both in one tick, so no screen sees the shipped drills without the imported ones.
    const state = store.getState();
    state.addShippedDrills(drills);
    for (const file of saved) {
      const result = checker?.load(file.text);
      if (!result) continue;
      const outcome = state.importDrill(file, result);
      if (!outcome.ok) state.reject({ file: file.file, problems: outcome.problems });
    }
    const drill = trial && checker?.load(trial.text);
    if (drill?.ok) state.setDraftDrill(drill.scenario, drill.hash);
  } catch (e) {
    store.getState().shippedDrillsFailed(e instanceof Error ? e.message : String(e));
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App onRetryLoad={loadShippedDrills} />
    </StoreProvider>
  </StrictMode>,
);
void loadShippedDrills();
