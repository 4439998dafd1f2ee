import type { StateCreator } from 'zustand';
import type { AppState, Middlewares } from './app-store';

export interface Settings {
  /** Larger type for a projector or a class screen. */
  textSize: 'normal' | 'large';
}

export interface SettingsSlice {
  settings: Settings;
  setTextSize: (size: Settings['textSize']) => void;
}

export const createSettingsSlice: StateCreator<AppState, Middlewares, [], SettingsSlice> = (set) => ({
  settings: { textSize: 'normal' },
  setTextSize: (size) =>
    set((s) => {
      s.settings.textSize = size;
    }),
});
