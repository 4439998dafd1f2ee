import type { SaveHealthStore } from './save-storage';

/**
 * Two tabs on the same save would overwrite each other's progress without a word. When another
 * tab writes the save, this one stops writing and says so; the trainee chooses which to keep.
 */
export function watchOtherTabs(target: Pick<Window, 'addEventListener'>, key: string, health: SaveHealthStore): void {
  target.addEventListener('storage', (e: StorageEvent) => {
    if (e.key !== key && e.key !== null) return;
    health.setState({ problem: { kind: 'other-tab' }, writable: false });
  });
}
