import shippedDrills from 'virtual:shipped-drills';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { findScormApi } from './lms/find-api';
import { AppRoot } from './shell/app-root';
import { browserDeps, createAppStore, DRAFT_KEY, STORAGE_KEY } from './store/app-store';
import { loadLibrary } from './store/load-library';
import { watchOtherTabs } from './store/other-tabs';
import { timeLimitsFromQuery } from './store/time-limits';
import './ui/styles.css';

const deps = browserDeps();
// Made with the drills' index: its first state is the one the build drew the page from (shell/prerender.tsx).
const store = createAppStore(deps, { shipped: shippedDrills });
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

// The drills' index (1.6 KB, checked at build time) comes with the first load and is in the store from
// the start; each drill's text is a chunk of its own, fetched when needed. The first load carries no
// drill's text and no validator, fetched only when a saved file (an import, a run) needs checking.
const loadShippedDrills = () =>
  loadLibrary(
    store,
    () => shippedDrills,
    () => import('./scenario/load'),
  );

void loadShippedDrills();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const app = <AppRoot store={store} onRetryLoad={loadShippedDrills} />;
// The build drew the library into the page (scripts/vite-prerender.ts): React takes over that DOM
// rather than drawing it again. The dev server's page is empty.
if (root.firstElementChild) hydrateRoot(root, app);
else createRoot(root).render(app);

// In an LMS (a SCORM 1.2 package), the reporter is fetched; without one, nothing more is loaded.
const lms = findScormApi(window);
if (lms) {
  void import('./lms/scorm-reporter').then(({ reportToLms }) => reportToLms(lms, store, { now: deps.now, window }));
}
