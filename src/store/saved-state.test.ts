import { describe, expect, it } from 'vitest';
import { MAX_TRAINEE_LENGTH, MIGRATIONS, migrate, readSaved, SAVE_VERSION, traineeName } from './saved-state';

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
      settings: { textSize: 'large', timeLimits: 'x1' },
      imports: [],
      draft: null,
      dropped: [],
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
      settings: { textSize: 'large', timeLimits: 'x1' },
      imports: [],
      draft: null,
      dropped: ['上次的演练进度'],
    });
  });

  it('survives anything at all', () => {
    for (const junk of [null, undefined, 42, 'x', [], { run: 'x', settings: 7 }]) {
      expect(readSaved(junk, 0)).toMatchObject({ run: null, settings: null, imports: [], draft: null });
    }
  });

  it('keeps the imported files that are well formed, and drops the rest', () => {
    const good = { file: 'a.json', text: '{}' };
    expect(readSaved({ imports: [good, { file: 1 }, 'x'] }, 0).imports).toEqual([good]);
  });

  it('gives a decision on screen the moment it was shown, when that was lost', () => {
    expect(readSaved({ run: { ...run, shownAt: null } }, 99).run?.shownAt).toBe(99);
  });

  it('keeps a trial run with where it started, and drops one whose start is malformed', () => {
    const origin = { node: 'n2', clock: 120, vars: { alert: 3, told: true }, regions: { home: { infectious: 50 } } };
    expect(readSaved({ run: { ...run, origin } }, 0).run?.origin).toEqual(origin);
    expect(readSaved({ run: { ...run, origin: { node: 'n2' } } }, 0).run).toBeNull();
    expect(readSaved({ run: { ...run, origin: { ...origin, clock: -1 } } }, 0).run).toBeNull();
    // Values that are neither numbers nor yes/no are dropped one by one.
    const odd = { ...origin, vars: { alert: 'x', told: true }, regions: { home: { infectious: 'many', trust: 40 } } };
    expect(readSaved({ run: { ...run, origin: odd } }, 0).run?.origin).toEqual({
      ...origin,
      vars: { told: true },
      regions: { home: { trust: 40 } },
    });
  });

  it('keeps the authoring draft, and whether it has unsaved edits', () => {
    const draft = { file: 'mine.json', text: '{"id": "x"}', dirty: true };
    expect(readSaved({ draft }, 0).draft).toEqual(draft);
    expect(readSaved({ draft: { file: 'a.json', text: '{}' } }, 0).draft).toEqual({
      file: 'a.json',
      text: '{}',
      dirty: false,
    });
    expect(readSaved({ draft: { file: 3 } }, 0).draft).toBeNull();
  });

  it('keeps what an origin says was done before, and never lets an id reach a prototype', () => {
    const origin = {
      node: 'n2',
      clock: 60,
      vars: JSON.parse('{"__proto__": 5, "a": 1}'),
      regions: JSON.parse('{"__proto__": {"trust": 1}}'),
      completed: ['report'],
      notified: ['next', 3],
    };
    const read = readSaved({ run: { ...run, origin } }, 0).run?.origin;
    expect(read?.completed).toEqual(['report']);
    expect(read?.notified).toBeUndefined();
    expect(Object.getPrototypeOf(read?.vars)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(read?.regions)).toBe(Object.prototype);
    expect(Object.keys(read?.regions ?? {})).toEqual(['__proto__']);
    expect(readSaved({ run: { ...run, origin: { ...origin, clock: 1e12 } } }, 0).run).toBeNull();
  });

  it('keeps when the run started and ended, and the trainee’s name', () => {
    const timed = { ...run, startedAt: 1_000, endedAt: 61_000, trainee: '张三 2024001' };
    expect(readSaved({ run: timed }, 0).run).toEqual(timed);
  });

  it('[regression] still reads a run saved before its start, end and trainee were kept', () => {
    const saved = readSaved({ run }, 0);
    expect(saved.run).toEqual(run);
    expect(saved.run).not.toHaveProperty('startedAt');
    expect(saved.run).not.toHaveProperty('endedAt');
    expect(saved.run).not.toHaveProperty('trainee');
    expect(saved.dropped).toEqual([]);
  });

  it('drops a malformed start, end or name alone, keeping the run', () => {
    const odd = { ...run, startedAt: 'yesterday', endedAt: -5, trainee: 42 };
    expect(readSaved({ run: odd }, 0)).toMatchObject({ run, dropped: [] });
    expect(readSaved({ run: odd }, 0).run).not.toHaveProperty('trainee');
    // A name edited by hand is kept as the store would have kept it.
    expect(readSaved({ run: { ...run, trainee: `  ${'名'.repeat(50)} ` } }, 0).run?.trainee).toBe(
      '名'.repeat(MAX_TRAINEE_LENGTH),
    );
    expect(readSaved({ run: { ...run, trainee: '   ' } }, 0).run).not.toHaveProperty('trainee');
  });

  it('names every part it had to drop', () => {
    const saved = readSaved({ run: 'x', settings: 7, imports: [{ file: 1 }], draft: [] }, 0);
    expect(saved.dropped).toEqual(['上次的演练进度', '显示设置', '部分导入的演练', '编写中的剧本']);
    expect(readSaved({ run: null, imports: [] }, 0).dropped).toEqual([]);
  });
});

describe('the time-limit setting, saved', () => {
  it('reads settings saved before it existed as ×1, and keeps a known one', () => {
    expect(readSaved({ settings: { textSize: 'normal' } }, 0).settings).toEqual({
      textSize: 'normal',
      timeLimits: 'x1',
    });
    expect(readSaved({ settings: { textSize: 'normal', timeLimits: 'off' } }, 0).settings?.timeLimits).toBe('off');
    expect(readSaved({ settings: { textSize: 'normal', timeLimits: 'x9' } }, 0).settings?.timeLimits).toBe('x1');
  });

  it('keeps the setting a run started with; a run saved without one has none (×1)', () => {
    const run = { scenarioId: 'd', hash: 'h', seed: 1, decisions: [], view: 'briefing', shownAt: null };
    expect(readSaved({ run: { ...run, timeLimits: 'x2' } }, 0).run?.timeLimits).toBe('x2');
    expect(readSaved({ run }, 0).run?.timeLimits).toBeUndefined();
    expect(readSaved({ run: { ...run, timeLimits: 'never' } }, 0).run?.timeLimits).toBeUndefined();
  });
});

describe('migrations', () => {
  it('drop the saved page from a version-1 save', () => {
    expect(migrate({ page: 'authoring', settings: { textSize: 'large' } }, 1, 2)).toEqual({
      settings: { textSize: 'large' },
    });
  });

  it('apply in order, only the steps between the two versions, and every step has a name', () => {
    const steps = [
      { to: 3, name: 'c', step: (s: unknown) => `${s}c` },
      { to: 2, name: 'b', step: (s: unknown) => `${s}b` },
      { to: 4, name: 'd', step: (s: unknown) => `${s}d` },
    ];
    expect(migrate('a', 1, 3, steps)).toBe('abc');
    expect(migrate('a', 2, 4, steps)).toBe('acd');
    for (const m of MIGRATIONS) expect(m.name.length).toBeGreaterThan(0);
    expect(Math.max(...MIGRATIONS.map((m) => m.to))).toBe(SAVE_VERSION);
  });
});

describe('traineeName', () => {
  it('trims, cuts to the longest kept, and takes empty as none', () => {
    expect(traineeName('  李四  ')).toBe('李四');
    expect(traineeName('x'.repeat(MAX_TRAINEE_LENGTH + 5))).toHaveLength(MAX_TRAINEE_LENGTH);
    expect(traineeName(' \t ')).toBeUndefined();
    expect(traineeName('')).toBeUndefined();
  });

  it('never splits a character made of two UTF-16 units', () => {
    const name = traineeName(`${'a'.repeat(MAX_TRAINEE_LENGTH - 1)}𠀀`);
    expect(name).toBe('a'.repeat(MAX_TRAINEE_LENGTH - 1));
  });
});
