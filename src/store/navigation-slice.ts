// Owns `page`: which screen the app shows when no run is in progress.
import type { NavigationSlice, SliceCreator } from './app-state';

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
  page: 'library',
  openPage: (page) =>
    set((state) => {
      state.page = page;
    }),
});
