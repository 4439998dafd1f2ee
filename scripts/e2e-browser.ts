/**
 * `npm run browser [-- --dry-run]`, run by `npm test` (as `pretest:e2e`) before the end-to-end tests:
 * finds the Chromium Playwright drives — `CHROME_PATH` if set and executable, then the usual install
 * paths — and the fonts that render the drills' Chinese (fonts-noto-cjk, or any Chinese font
 * fontconfig knows). What is missing it installs when it can: as root with apt-get (a fresh Debian or
 * Ubuntu machine, CI), `apt-get update` and `apt-get install -y chromium fonts-noto-cjk`. Otherwise,
 * with no browser, it stops with one line saying what to install, exit 1; without the fonts it warns
 * and goes on (the tests pass without them; screenshots and traces lose their Chinese). It never
 * downloads a browser.
 *
 * playwright.config.ts asks `browserPath()` here for the same answer, so `npm run test:e2e` and
 * `npx playwright test` launch the browser this script found or installed.
 *
 * `TUIYAN_BROWSER_CANDIDATES` (paths separated by `:`; empty for none) replaces the usual paths —
 * for tests, to play a machine without Chromium. `--dry-run` says what would be installed and
 * installs nothing.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Chromium or Chrome is installed, in the order tried after `CHROME_PATH`. */
export const USUAL_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/usr/local/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The packages apt-get installs: the browser, and the fonts for the drills' Chinese. */
export const BROWSER_PACKAGE = 'chromium';
export const FONTS_PACKAGE = 'fonts-noto-cjk';

export type Env = Record<string, string | undefined>;
export type Fonts = 'present' | 'missing' | 'unknown';

export interface Situation {
  env: Env;
  /** Paths tried after CHROME_PATH, in order. */
  candidates: readonly string[];
  isExecutable: (path: string) => boolean;
  fonts: Fonts;
  root: boolean;
  aptGet: boolean;
}

export type Decision =
  /** Launch this browser. */
  | { action: 'use'; path: string; notes: string[] }
  /** apt-get install these packages, then look again; `path` is the browser already found, if any. */
  | { action: 'install'; packages: string[]; path: string | null; notes: string[] }
  /** Nothing to launch and nothing we may install: say what to install, exit 1. */
  | { action: 'stop'; message: string; notes: string[] };

/** The paths to try after CHROME_PATH: the usual ones, or TUIYAN_BROWSER_CANDIDATES when set (tests). */
export function candidatesFrom(env: Env): readonly string[] {
  const listed = env.TUIYAN_BROWSER_CANDIDATES;
  if (listed === undefined) return USUAL_PATHS;
  return listed.split(':').filter((p) => p !== '');
}

/** The first executable of CHROME_PATH and the candidates; a note when CHROME_PATH is set but unusable. */
export function findBrowser(
  env: Env,
  candidates: readonly string[],
  isExecutable: (path: string) => boolean,
): { path: string | null; notes: string[] } {
  const notes: string[] = [];
  const chosen = env.CHROME_PATH;
  if (chosen && isExecutable(chosen)) return { path: chosen, notes };
  const path = candidates.find((p) => isExecutable(p)) ?? null;
  if (chosen) {
    notes.push(
      path
        ? `CHROME_PATH=${chosen} 不是可执行文件，改用 ${path}。 / CHROME_PATH=${chosen} is not executable; using ${path}.`
        : `CHROME_PATH=${chosen} 不是可执行文件。 / CHROME_PATH=${chosen} is not executable.`,
    );
  }
  return { path, notes };
}

/** One line, Chinese then English: what to install (and that CHROME_PATH is the other way). */
export function installMessage(packages: readonly string[]): string {
  const names = packages.join(' 和 ');
  const apt = `sudo apt-get install ${packages.join(' ')}`;
  return (
    `没有找到 Chromium：请安装 ${names}（Debian/Ubuntu：${apt}），或设置 CHROME_PATH。` +
    ` / No Chromium found: install ${packages.join(' and ')} (Debian/Ubuntu: ${apt}), or set CHROME_PATH.`
  );
}

/** The warning when no Chinese font is there and we may not install one. */
export function fontsMessage(): string {
  const apt = `sudo apt-get install ${FONTS_PACKAGE}`;
  return (
    `没有中文字体：截图和 trace 里的中文会是方框；请安装 ${FONTS_PACKAGE}（Debian/Ubuntu：${apt}）。` +
    ` / No Chinese font: Chinese in screenshots and traces will be boxes; install ${FONTS_PACKAGE} (Debian/Ubuntu: ${apt}).`
  );
}

/** What to do, from what is there: use a browser, install packages, or stop with what to install. */
export function decide(s: Situation): Decision {
  const found = findBrowser(s.env, s.candidates, s.isExecutable);
  const notes = [...found.notes];
  const canInstall = s.root && s.aptGet;
  const fontsMissing = s.fonts === 'missing';
  if (found.path) {
    if (!fontsMissing) return { action: 'use', path: found.path, notes };
    if (canInstall) return { action: 'install', packages: [FONTS_PACKAGE], path: found.path, notes };
    // The tests pass without the fonts; only the pictures of a failure lose their Chinese.
    return { action: 'use', path: found.path, notes: [...notes, fontsMessage()] };
  }
  const packages = s.fonts === 'present' ? [BROWSER_PACKAGE] : [BROWSER_PACKAGE, FONTS_PACKAGE];
  if (canInstall) return { action: 'install', packages, path: null, notes };
  return { action: 'stop', message: installMessage(packages), notes };
}

// ——— The machine: probes that the decision is taken over ———

/** A file (not a directory) this process may execute. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether a command is on PATH. */
export function onPath(command: string, env: Env = process.env): boolean {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .some((dir) => isExecutable(join(dir, command)));
}

/** fonts-noto-cjk installed (dpkg), or else any Chinese font fontconfig knows; unknown without either tool. */
export function fontsState(): Fonts {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a template.
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Status}', FONTS_PACKAGE], { encoding: 'utf8' });
  if (!dpkg.error && dpkg.status === 0 && dpkg.stdout.includes('install ok installed')) return 'present';
  const fc = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (!fc.error && fc.status === 0) return fc.stdout.trim() ? 'present' : 'missing';
  return dpkg.error ? 'unknown' : 'missing';
}

export function situation(env: Env = process.env): Situation {
  return {
    env,
    candidates: candidatesFrom(env),
    isExecutable,
    fonts: fontsState(),
    root: process.getuid?.() === 0,
    aptGet: onPath('apt-get', env),
  };
}

/**
 * The browser for playwright.config.ts: the same search, without installing or printing; throws the
 * line that says what to install when there is none.
 */
export function browserPath(env: Env = process.env): string {
  const { path } = findBrowser(env, candidatesFrom(env), isExecutable);
  if (!path) throw new Error(installMessage([BROWSER_PACKAGE, FONTS_PACKAGE]));
  return path;
}

function aptGetInstall(packages: readonly string[]): boolean {
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  if (update.error || update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return !install.error && install.status === 0;
}

function main(argv: string[]): number {
  const dryRun = argv.includes('--dry-run');
  let decision = decide(situation());
  for (const note of decision.notes) console.error(note);
  if (decision.action === 'install') {
    const commands = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${decision.packages.join(' ')}`;
    if (dryRun) {
      console.log(`将安装 / would install: ${decision.packages.join(' ')}（${commands}）`);
      if (decision.path) console.log(`Chromium: ${decision.path}`);
      return 0;
    }
    console.log(`安装 / installing: ${decision.packages.join(' ')}（${commands}）`);
    if (!aptGetInstall(decision.packages)) {
      console.error('apt-get 没有装成。 / apt-get failed.');
      if (!decision.path) {
        console.error(installMessage(decision.packages));
        return 1;
      }
      // Only the fonts failed: the tests still run, as when we may not install them.
      console.error(fontsMessage());
      console.log(`Chromium: ${decision.path}`);
      return 0;
    }
    // Look again, never installing twice: what is still missing now is only reported.
    const after = situation();
    decision = decide({ ...after, root: false });
    for (const note of decision.notes) console.error(note);
    if (decision.action === 'stop') {
      const where = [after.env.CHROME_PATH, ...after.candidates].filter(Boolean).join('、');
      console.error(
        `apt-get 装完了，但在 ${where} 都没有可执行的 Chromium：请设置 CHROME_PATH。` +
          ` / apt-get is done, but none of ${where} is an executable Chromium: set CHROME_PATH.`,
      );
      return 1;
    }
  }
  if (decision.action === 'stop') {
    console.error(decision.message);
    return 1;
  }
  if (decision.action === 'use') console.log(`Chromium: ${decision.path}`);
  return 0;
}

if (process.argv[1] && /e2e-browser\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
