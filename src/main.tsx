import shippedDrills from 'virtual:shipped-drills';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findScormApi } from './lms/find-api';
import { App } from './shell/app';
import { browserDeps, createAppStore, DRAFT_KEY, STORAGE_KEY } from './store/app-store';
import { loadLibrary } from './store/load-library';
import { watchOtherTabs } from './store/other-tabs';
import { timeLimitsFromQuery } from './store/time-limits';
import { StoreProvider } from './ui/store-context';
import './ui/styles.css';

const deps = browserDeps();
const store = createAppStore(deps);
// A course link may carry the instructor's time-limit setting (`?限时=2`): read once, at start, and kept.
const linkedTimeLimits = timeLimitsFromQuery(window.location.search);
if (linkedTimeLimits) store.getState().setTimeLimits(linkedTimeLimits);
watchOtherTabs(
  window,
  STORAGE_KEY,
  store.health,
  () => void store.persist.rehydrate(),
  deps.storage instanceof Storage ? deps.storage : undefined,
  { key: DRAFT_KEY, pending: store.drafts.pending, resync: store.reloadDraft },
  store.savePending,
);
// The save is written after the next paint, the draft a moment after typing stops: what is held back
// is written as the page is hidden (a phone may kill it unseen) or goes away.
window.addEventListener('pagehide', store.flushSaves);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') store.flushSaves();
});

// The drills' index (1.6 KB, checked at build time) comes with the first load, so the first screen is
// drawn once, with its cards; each drill's text is a chunk of its own, fetched when needed. The first
// load carries no drill's text and no validator, fetched only when a saved file needs it.
const loadShippedDrills = () =>
  loadLibrary(
    store,
    () => shippedDrills,
    () => import('./scenario/load'),
  );

// Before the first render: with nothing saved to check, the library is filled at once.
void loadShippedDrills();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App onRetryLoad={loadShippedDrills} />
    </StoreProvider>
  </StrictMode>,
);

// In an LMS (a SCORM 1.2 package), the reporter is fetched; without one, nothing more is loaded.
const lms = findScormApi(window);
if (lms) {
  void import('./lms/scorm-reporter').then(({ reportToLms }) => reportToLms(lms, store, { now: deps.now, window }));
}
