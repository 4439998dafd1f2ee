import { describe, expect, it } from 'vitest';
import { readSaved } from './saved-state';

const run = {
  scenarioId: 'd',
  hash: 'h',
  seed: 1,
  decisions: [{ choiceId: 'a', realMs: 10 }],
  view: 'decision',
  shownAt: 5,
};

describe('readSaved', () => {
  it('keeps a well-formed run and settings', () => {
    expect(readSaved({ run, settings: { textSize: 'large' } }, 0)).toEqual({
      run,
      settings: { textSize: 'large' },
      imports: [],
    });
  });

  it.each([
    ['decisions that are not a list', { ...run, decisions: null }],
    ['a decision without a choice', { ...run, decisions: [{ realMs: 1 }] }],
    ['negative real time', { ...run, decisions: [{ choiceId: 'a', realMs: -1 }] }],
    ['an unknown screen', { ...run, view: 'somewhere' }],
    ['a missing hash', { ...run, hash: undefined }],
  ])('[regression] drops a run with %s, keeping the settings', (_, bad) => {
    expect(readSaved({ run: bad, settings: { textSize: 'large' } }, 0)).toEqual({
      run: null,
      settings: { textSize: 'large' },
      imports: [],
    });
  });

  it('survives anything at all', () => {
    for (const junk of [null, undefined, 42, 'x', [], { run: 'x', settings: 7 }]) {
      expect(readSaved(junk, 0)).toEqual({ run: null, settings: null, imports: [] });
    }
  });

  it('keeps the imported files that are well formed, and drops the rest', () => {
    const good = { file: 'a.json', text: '{}' };
    expect(readSaved({ imports: [good, { file: 1 }, 'x'] }, 0).imports).toEqual([good]);
  });

  it('gives a decision on screen the moment it was shown, when that was lost', () => {
    expect(readSaved({ run: { ...run, shownAt: null } }, 99).run?.shownAt).toBe(99);
  });
});
