import { draftWriterOf, type SaveHealthStore, seenWith, type Writer, writerOf } from './save-storage';

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
      const writer = e.newValue === null ? null : draftWriterOf(e.newValue).writer;
      follow(health, e, 'draftLastWritten', writer, !draft.pending(), draft.resync);
      return;
    }
    if (e.key !== key && e.key !== null) return;
    // A whole storage cleared (key null) is never taken up: it diverges.
    follow(health, e, 'lastWritten', writerOf(e.newValue), e.key === key && !savePending(), resync);
  });
}

/**
 * Another tab's write to the text this tab keeps as `last`: nothing when it is this tab's own text or
 * a write already seen; taken up (`resync`) when it follows from what this tab last wrote and
 * `mayTake` (nothing of this tab's unwritten); else the two have diverged.
 */
function follow(
  health: SaveHealthStore,
  e: StorageEvent,
  last: 'lastWritten' | 'draftLastWritten',
  writer: Writer | null,
  mayTake: boolean,
  resync: () => void,
): void {
  const state = health.getState();
  if (e.newValue === state[last]) return;
  if (writer && writer.seq <= (state.seen[writer.page] ?? 0)) return;
  if (state.writable && e.oldValue === state[last] && mayTake) {
    const taken = last === 'lastWritten' ? { lastWritten: e.newValue } : { draftLastWritten: e.newValue };
    health.setState({ ...taken, seen: seenWith(state.seen, writer), problem: { kind: 'synced' } });
    resync();
    return;
  }
  health.setState({ problem: { kind: 'other-tab' }, writable: false });
}
