// Owns `draft` (the authoring view's text, saved) and `draftDrill` (that text as last checked, for trial runs).
import type { AuthoringSlice, SliceCreator } from './app-state';

export const createAuthoringSlice: SliceCreator<AuthoringSlice> = (set, get) => ({
  draft: null,
  draftDrill: null,
  openDraft: (draft) => {
    set((state) => {
      state.draft = { ...draft, dirty: false };
    });
    get().openPage('authoring');
  },
  editDraft: (text) =>
    set((state) => {
      if (state.draft && state.draft.text !== text) {
        state.draft.text = text;
        state.draft.dirty = true;
      }
    }),
  draftKept: () =>
    set((state) => {
      if (state.draft) state.draft.dirty = false;
    }),
  setDraftDrill: (scenario, hash) =>
    set((state) => {
      // The same text checked again keeps the same drill, so a trial's cached replay stays valid.
      if (state.draftDrill?.hash === hash) return;
      state.draftDrill = { scenario, hash };
    }),
});
