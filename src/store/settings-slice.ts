// Owns `settings`: how the app is shown and how long a timed decision gives (saved).
import type { SettingsSlice, SliceCreator } from './app-state';

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: { textSize: 'normal', timeLimits: 'x1' },
  setTextSize: (size) =>
    set((state) => {
      state.settings.textSize = size;
    }),
  setTimeLimits: (limits) =>
    set((state) => {
      state.settings.timeLimits = limits;
    }),
});
