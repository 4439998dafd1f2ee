/**
 * The attribute that names a screen's heading to the browser's Element Timing API: the browser then
 * reports when the heading's text was first shown on screen, after raster, which is what a trainee
 * waits for. `npm run bench` reads it (scripts/bench-browser.ts); nothing in the app does. Spread,
 * as React's types do not know the attribute.
 */
export const SCREEN_PAINTED = { elementtiming: 'screen' } as const;
