import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  browserPath,
  candidatesFrom,
  decide,
  findBrowser,
  isExecutable,
  onPath,
  type Situation,
  USUAL_PATHS,
} from '../scripts/e2e-browser';

/** A machine where only `present` are executable, as a user with apt-get and the fonts unless told. */
function machine(present: string[], over: Partial<Situation> = {}): Situation {
  return {
    env: {},
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'],
    isExecutable: (p) => present.includes(p),
    fonts: 'present',
    root: false,
    aptGet: true,
    ...over,
  };
}

const NO_CHROMIUM =
  '没有找到 Chromium：请安装 chromium 和 fonts-noto-cjk（Debian/Ubuntu：sudo apt-get install chromium fonts-noto-cjk），或设置 CHROME_PATH。' +
  ' / No Chromium found: install chromium and fonts-noto-cjk (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk), or set CHROME_PATH.';

describe('finding the browser for the end-to-end tests', () => {
  it('tries the usual install paths, Debian’s first', () => {
    expect(USUAL_PATHS.slice(0, 5)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
    ]);
    expect(candidatesFrom({})).toBe(USUAL_PATHS);
  });

  it('replaces them by TUIYAN_BROWSER_CANDIDATES, empty for none', () => {
    expect(candidatesFrom({ TUIYAN_BROWSER_CANDIDATES: '/a/chrome:/b/chromium' })).toEqual([
      '/a/chrome',
      '/b/chromium',
    ]);
    expect(candidatesFrom({ TUIYAN_BROWSER_CANDIDATES: '' })).toEqual([]);
  });

  it('uses CHROME_PATH when it is executable, before any usual path', () => {
    const m = machine(['/usr/bin/chromium', '/opt/mine/chrome'], { env: { CHROME_PATH: '/opt/mine/chrome' } });
    expect(decide(m)).toEqual({ action: 'use', path: '/opt/mine/chrome', notes: [] });
  });

  it('falls back to the first usual path found when CHROME_PATH is not executable, and says so', () => {
    const m = machine(['/usr/bin/google-chrome', '/snap/bin/chromium'], { env: { CHROME_PATH: '/nonexistent' } });
    const d = decide(m);
    expect(d).toMatchObject({ action: 'use', path: '/usr/bin/google-chrome' });
    expect(d.notes).toEqual([
      'CHROME_PATH=/nonexistent 不是可执行文件，改用 /usr/bin/google-chrome。 / CHROME_PATH=/nonexistent is not executable; using /usr/bin/google-chrome.',
    ]);
  });

  it('treats an empty CHROME_PATH as unset', () => {
    expect(decide(machine(['/snap/bin/chromium'], { env: { CHROME_PATH: '' } }))).toEqual({
      action: 'use',
      path: '/snap/bin/chromium',
      notes: [],
    });
  });

  it('finds nothing, with nothing executable', () => {
    expect(findBrowser({ CHROME_PATH: '/x' }, ['/a', '/b'], () => false)).toEqual({
      path: null,
      notes: ['CHROME_PATH=/x 不是可执行文件。 / CHROME_PATH=/x is not executable.'],
    });
  });

  it('installs chromium and fonts-noto-cjk as root with apt-get when no browser is there', () => {
    expect(decide(machine([], { root: true, fonts: 'missing' }))).toEqual({
      action: 'install',
      packages: ['chromium', 'fonts-noto-cjk'],
      path: null,
      notes: [],
    });
    // fonts unknown (no dpkg, no fontconfig): install them too
    expect(decide(machine([], { root: true, fonts: 'unknown' }))).toMatchObject({
      packages: ['chromium', 'fonts-noto-cjk'],
    });
    expect(decide(machine([], { root: true, fonts: 'present' }))).toMatchObject({
      action: 'install',
      packages: ['chromium'],
    });
  });

  it('installs the fonts alone as root with apt-get when the browser is there but not they', () => {
    expect(decide(machine(['/usr/bin/chromium'], { root: true, fonts: 'missing' }))).toEqual({
      action: 'install',
      packages: ['fonts-noto-cjk'],
      path: '/usr/bin/chromium',
      notes: [],
    });
  });

  it('stops with one line saying what to install when not root', () => {
    const d = decide(machine([], { root: false, fonts: 'missing' }));
    expect(d).toEqual({ action: 'stop', message: NO_CHROMIUM, notes: [] });
    if (d.action === 'stop') expect(d.message).not.toContain('\n');
    expect(decide(machine([], { fonts: 'present' }))).toMatchObject({
      action: 'stop',
      message: expect.stringContaining(
        '请安装 chromium（Debian/Ubuntu：sudo apt-get install chromium），或设置 CHROME_PATH。',
      ),
    });
  });

  it('stops as root without apt-get (not Debian or Ubuntu)', () => {
    expect(decide(machine([], { root: true, aptGet: false, fonts: 'missing' }))).toEqual({
      action: 'stop',
      message: NO_CHROMIUM,
      notes: [],
    });
  });

  it('runs without the fonts it may not install, warning what to install', () => {
    const d = decide(machine(['/usr/bin/chromium'], { fonts: 'missing' }));
    expect(d).toMatchObject({ action: 'use', path: '/usr/bin/chromium' });
    expect(d.notes).toEqual([
      expect.stringContaining('请安装 fonts-noto-cjk（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk）'),
    ]);
    expect(decide(machine(['/usr/bin/chromium'], { root: true, fonts: 'unknown' }))).toMatchObject({ action: 'use' });
  });
});

describe('the probes and the script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tuiyan-browser-'));
  const fake = join(dir, 'chromium');
  writeFileSync(fake, '#!/bin/sh\n');
  chmodSync(fake, 0o755);
  const plain = join(dir, 'not-executable');
  writeFileSync(plain, '');
  chmodSync(plain, 0o644);
  mkdirSync(join(dir, 'a-directory'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts only executable files', () => {
    expect(isExecutable(fake)).toBe(true);
    expect(isExecutable(join(dir, 'a-directory'))).toBe(false);
    expect(isExecutable(join(dir, 'missing'))).toBe(false);
    // root may read anything, but executes only what has an x bit
    expect(isExecutable(plain)).toBe(false);
    expect(onPath('chromium', { PATH: `/nonexistent:${dir}` })).toBe(true);
    expect(onPath('chromium', { PATH: '' })).toBe(false);
  });

  it('gives playwright.config.ts the browser found, or throws what to install', () => {
    const env = { CHROME_PATH: '/nonexistent', TUIYAN_BROWSER_CANDIDATES: `${plain}:${fake}` };
    expect(browserPath(env)).toBe(fake);
    expect(() => browserPath({ TUIYAN_BROWSER_CANDIDATES: '' })).toThrow(NO_CHROMIUM);
  });

  /** Runs `npm run browser` (tsx by its path). */
  function run(env: Record<string, string>, args: string[] = []) {
    const r = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('scripts/e2e-browser.ts'), ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('prints the browser it found, after the note on an unusable CHROME_PATH', () => {
    const r = run({ CHROME_PATH: '/nonexistent', TUIYAN_BROWSER_CANDIDATES: fake }, ['--dry-run']);
    // (on a machine without Chinese fonts, a line on them comes too)
    expect(r.code).toBe(0);
    expect(r.out.endsWith(`Chromium: ${fake}\n`)).toBe(true);
    expect(r.err).toContain(
      `CHROME_PATH=/nonexistent 不是可执行文件，改用 ${fake}。 / CHROME_PATH=/nonexistent is not executable; using ${fake}.\n`,
    );
  });

  it('with no browser, installs (dry run) as root with apt-get, or else stops with what to install', () => {
    const r = run({ CHROME_PATH: '', TUIYAN_BROWSER_CANDIDATES: '' }, ['--dry-run']);
    if (process.getuid?.() === 0 && onPath('apt-get')) {
      expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^将安装 \/ would install: chromium/) });
    } else {
      expect(r).toMatchObject({ code: 1, err: expect.stringContaining('没有找到 Chromium：请安装 chromium') });
    }
  });
});
