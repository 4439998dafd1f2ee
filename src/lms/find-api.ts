/**
 * The LMS's SCORM 1.2 API, found the standard way (ADL's `findAPI`): an object named `API` on
 * this window or one of its parents, at most MAX_LEVELS up, then on the opener's. On the trainee's
 * first load: a few lines, and nothing else of src/lms/ unless an API is there.
 */

/** The SCORM 1.2 run-time API as an LMS puts it on a window. Every call answers a string ("true", "false", a value). */
export interface Scorm12Api {
  LMSInitialize(empty: ''): unknown;
  LMSFinish(empty: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(empty: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
}

/** How far up the frames to look: ADL's reference script stops at 7. */
const MAX_LEVELS = 7;

const isApi = (value: unknown): value is Scorm12Api =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Scorm12Api).LMSInitialize === 'function' &&
  typeof (value as Scorm12Api).LMSSetValue === 'function';

function inFrames(start: Window): Scorm12Api | null {
  let win = start;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const api = (win as Window & { API?: unknown }).API;
    if (isApi(api)) return api;
    if (win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

/** The API on `win`, its parents or its opener's; null when there is none (or a frame of another origin is in the way). */
export function findScormApi(win: Window): Scorm12Api | null {
  try {
    return inFrames(win) ?? (win.opener ? inFrames(win.opener as Window) : null);
  } catch {
    // A window of another origin: what lies above it is not ours to read.
    return null;
  }
}
