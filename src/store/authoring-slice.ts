import type { StateCreator } from 'zustand';
import type { AppState, Middlewares } from './app-store';

/** What the app shows when no run is in progress. */
export type Page = 'library' | 'authoring' | 'help';

/** The drill open in the authoring view: its text as the instructor left it, saved across reloads. */
export interface Draft {
  file: string;
  text: string;
  /** Edited since it was opened, exported or put in the library: replacing it would lose work. */
  dirty: boolean;
}

export interface AuthoringSlice {
  page: Page;
  draft: Draft | null;
  openPage: (page: Page) => void;
  /** Opens a drill's text in the authoring view, in place of the draft there was. */
  openDraft: (draft: Omit<Draft, 'dirty'>) => void;
  editDraft: (text: string) => void;
  /** The draft was exported or put in the library: nothing is lost if it is replaced. */
  draftKept: () => void;
}

export const createAuthoringSlice: StateCreator<AppState, Middlewares, [], AuthoringSlice> = (set) => ({
  page: 'library',
  draft: null,
  openPage: (page) =>
    set((s) => {
      s.page = page;
    }),
  openDraft: (draft) =>
    set((s) => {
      s.draft = { ...draft, dirty: false };
      s.page = 'authoring';
    }),
  editDraft: (text) =>
    set((s) => {
      if (s.draft && s.draft.text !== text) {
        s.draft.text = text;
        s.draft.dirty = true;
      }
    }),
  draftKept: () =>
    set((s) => {
      if (s.draft) s.draft.dirty = false;
    }),
});
