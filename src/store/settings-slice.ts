// Owns `settings`: how the app is shown (saved).
import type { SettingsSlice, SliceCreator } from './app-state';

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: { textSize: 'normal' },
  setTextSize: (size) =>
    set((state) => {
      state.settings.textSize = size;
    }),
});
