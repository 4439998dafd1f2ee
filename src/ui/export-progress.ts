import { SAVE_VERSION, STORAGE_KEY } from '../store/app-store';

/**
 * What can be saved of the app, as a file the trainee or instructor can keep: the runs, settings,
 * imported drills and the draft, in the saved format. Read from storage when it can be, else
 * from memory (`fallback`), so that it works when storage is what failed.
 */
export function progressFile(storage: Pick<Storage, 'getItem'> | null, fallback: unknown): string {
  let saved: unknown = null;
  try {
    const text = storage?.getItem(STORAGE_KEY);
    saved = text ? JSON.parse(text) : null;
  } catch {
    saved = null;
  }
  return `${JSON.stringify(saved ?? { state: fallback, version: SAVE_VERSION }, null, 2)}\n`;
}

export function downloadProgress(text: string, now: Date): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `桌面推演-进度-${now.toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
