import type { SaveHealthStore } from './save-storage';

/**
 * Two tabs on the same save must not overwrite each other's progress without a word. When
 * another tab writes the save starting from what this tab last wrote, this tab has nothing
 * unsaved: it takes the new save (`resync`) and goes on saving. When this tab had written
 * something else since, the two have diverged: this tab stops writing and says so.
 */
export function watchOtherTabs(
  target: Pick<Window, 'addEventListener'>,
  key: string,
  health: SaveHealthStore,
  resync: () => void,
  storageArea?: Storage,
): void {
  target.addEventListener('storage', (e: StorageEvent) => {
    if (storageArea && e.storageArea !== storageArea) return;
    if (e.key !== key && e.key !== null) return;
    const { writable, lastWritten } = health.getState();
    if (e.newValue === lastWritten) return;
    if (writable && e.key === key && e.oldValue === lastWritten) {
      health.setState({ lastWritten: e.newValue, problem: { kind: 'synced' } });
      resync();
      return;
    }
    health.setState({ problem: { kind: 'other-tab' }, writable: false });
  });
}
