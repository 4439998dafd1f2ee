/**
 * What is read back from storage is checked before it is trusted: a saved run of the wrong shape
 * (an old version, a hand edit, a half-written save) is dropped, and the rest is kept.
 */
import * as v from 'valibot';
import type { Run } from './run-slice';
import type { Settings } from './settings-slice';

const SavedRun = v.object({
  scenarioId: v.string(),
  hash: v.string(),
  seed: v.number(),
  decisions: v.array(v.object({ choiceId: v.string(), realMs: v.pipe(v.number(), v.minValue(0)) })),
  view: v.picklist(['briefing', 'decision', 'consequence', 'debrief']),
  shownAt: v.nullable(v.number()),
});

const SavedSettings = v.object({ textSize: v.picklist(['normal', 'large']) });

export interface Saved {
  run: Run | null;
  settings: Settings | null;
}

export function readSaved(persisted: unknown, now: number): Saved {
  const raw = (persisted ?? {}) as { run?: unknown; settings?: unknown };
  const run = v.safeParse(SavedRun, raw.run);
  const settings = v.safeParse(SavedSettings, raw.settings);
  const saved: Saved = { run: run.success ? run.output : null, settings: settings.success ? settings.output : null };
  // A decision on screen always has the moment it was shown.
  if (saved.run?.view === 'decision' && saved.run.shownAt === null) saved.run.shownAt = now;
  return saved;
}
