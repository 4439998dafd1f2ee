import { draftWriterOf, type SaveHealthStore, seenWith, writerOf } from './save-storage';

/** The draft's own key, watched the same way as the save's. */
export interface WatchedDraft {
  key: string;
  /** This tab has a change to the draft not yet written. */
  pending: () => boolean;
  /** Takes up the draft another tab wrote. */
  resync: () => void;
}

/**
 * Two tabs on the same save must not overwrite each other's progress without a word. When
 * another tab writes the save starting from what this tab last wrote, this tab has nothing
 * unsaved: it takes the new save (`resync`) and goes on saving. When this tab had written
 * something else since, the two have diverged: this tab stops writing and says so. A write older
 * than one this tab has read from the same page (`Writer` in save-storage.ts) is neither, only told
 * late: a page a reload opened hears of its tab's page before's writes after reading the last of
 * them. The authoring view's draft, under its own key, is watched the same way, its writer included.
 */
export function watchOtherTabs(
  target: Pick<Window, 'addEventListener'>,
  key: string,
  health: SaveHealthStore,
  resync: () => void,
  storageArea?: Storage,
  draft?: WatchedDraft,
  /** This tab has a change to the save not yet written: another tab's write then diverges from it. */
  savePending: () => boolean = () => false,
): void {
  target.addEventListener('storage', (e: StorageEvent) => {
    if (storageArea && e.storageArea !== storageArea) return;
    if (draft && e.key === draft.key) {
      const { writable, draftLastWritten, seen } = health.getState();
      if (e.newValue === draftLastWritten) return;
      const writer = e.newValue === null ? null : draftWriterOf(e.newValue).writer;
      if (writer && writer.seq <= (seen[writer.page] ?? 0)) return;
      if (writable && e.oldValue === draftLastWritten && !draft.pending()) {
        health.setState({ draftLastWritten: e.newValue, seen: seenWith(seen, writer), problem: { kind: 'synced' } });
        draft.resync();
        return;
      }
      health.setState({ problem: { kind: 'other-tab' }, writable: false });
      return;
    }
    if (e.key !== key && e.key !== null) return;
    const { writable, lastWritten, seen } = health.getState();
    if (e.newValue === lastWritten) return;
    const writer = writerOf(e.newValue);
    if (writer && writer.seq <= (seen[writer.page] ?? 0)) return;
    if (writable && e.key === key && e.oldValue === lastWritten && !savePending()) {
      health.setState({ lastWritten: e.newValue, seen: seenWith(seen, writer), problem: { kind: 'synced' } });
      resync();
      return;
    }
    health.setState({ problem: { kind: 'other-tab' }, writable: false });
  });
}
