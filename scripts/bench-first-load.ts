/**
 * What the first load costs: the app is built into a temp directory and its manifest walked. The
 * gzipped JS of the entry and what it imports statically; whether the drills' index comes with it
 * (bundled in, or preloaded by index.html) or is asked for only once the main bundle has run; and, as detail,
 * what each part loaded on demand adds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface FirstLoad {
  /** Gzipped bytes of the first load's JS. */
  js: number;
  files: number;
  /** The drill content fetched in parallel with the main bundle (preloaded by index.html); null if there is no drill chunk. */
  drillsInParallel: boolean | null;
}

/** The hrefs of index.html's `<link rel="modulepreload">` and `<link rel="preload">`, as written. */
export function preloadedHrefs(html: string): string[] {
  const hrefs: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gis)) {
    const rel = /\brel\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (href && (rel === 'modulepreload' || rel === 'preload')) hrefs.push(href);
  }
  return hrefs;
}

/** Whether an href in the built index.html names `file` (a path from the build's root): `./x`, `/x` or `x`. */
export function namesFile(href: string, file: string): boolean {
  const path = href.split(/[?#]/)[0] as string;
  return path.replace(/^\.?\//, '') === file.replace(/^\.?\//, '');
}

/** Builds the app, prints the first-load breakdown with `say`, and returns the row's figures. */
export async function firstLoad(say: (line: string) => void, targetKb: number): Promise<FirstLoad> {
  const outDir = await mkdtemp(join(tmpdir(), 'tuiyan-bench-'));
  try {
    await build({ configLoader: 'runner', logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    /** A chunk and every chunk it imports statically: what loading it costs. */
    const closure = (key: string, acc = new Set<string>()): Set<string> => {
      if (acc.has(key) || !manifest[key]) return acc;
      acc.add(key);
      for (const k of manifest[key].imports ?? []) closure(k, acc);
      return acc;
    };
    const gzOf = (file: string) => gz(readFileSync(join(outDir, file)));
    const sizes = (keys: Iterable<string>) => {
      const js = new Set<string>();
      const css = new Set<string>();
      for (const k of keys) {
        const chunk = manifest[k] as ManifestChunk;
        if (chunk.file.endsWith('.js')) js.add(chunk.file);
        for (const c of chunk.css ?? []) css.add(c);
      }
      const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gzOf(f), 0);
      return { js: sum(js), css: sum(css), files: [...js] };
    };
    const first = closure('index.html');
    const firstSizes = sizes(first);
    /** What opening a part costs beyond the first load. */
    const beyond = (src: string) => sizes([...closure(src)].filter((k) => !first.has(k)));
    const drills = Object.keys(manifest).find((k) => k.includes('shipped-drills'));
    const firstText = firstSizes.files.map((f) => readFileSync(join(outDir, f), 'utf8')).join('');
    const preloads = preloadedHrefs(readFileSync(join(outDir, 'index.html'), 'utf8'));
    const drillFile = drills ? (manifest[drills] as ManifestChunk).file : null;
    // The index bundled into the first load itself: its drills' chunks are imported from there.
    const indexInFirst = [...first].some((k) =>
      (manifest[k]?.dynamicImports ?? []).some((d) => d.startsWith('virtual:shipped-drill/')),
    );
    const drillsInParallel = indexInFirst
      ? true
      : drillFile === null
        ? null
        : preloads.some((href) => namesFile(href, drillFile));

    say('\nFirst load (gzip -9)');
    say(
      `  JS code        ${kb(firstSizes.js).padStart(9)}  (${firstSizes.files.length} file(s); target ≤ ${targetKb} KB)`,
    );
    say(`  CSS            ${kb(firstSizes.css).padStart(9)}`);
    say(`  HTML           ${kb(gzOf('index.html')).padStart(9)}  (with the library drawn at build time)`);
    if (indexInFirst)
      say("  drills' index  in the first load itself (the library's cards; data, checked at build time)");
    else if (drills) {
      say(
        `  drills' index  ${kb(beyond(drills).js).padStart(9)}  (the library's cards; data, checked at build time; ` +
          `${drillsInParallel ? 'preloaded by index.html, in parallel' : 'asked for after the main bundle has run'})`,
      );
    }
    // Each drill is a chunk of its own, fetched when it is started (or ahead, when the library is idle).
    for (const key of Object.keys(manifest).filter((k) => k.startsWith('virtual:shipped-drill/'))) {
      say(
        `  drill ${key.slice('virtual:shipped-drill/'.length).padEnd(24)} ${kb(gzOf((manifest[key] as ManifestChunk).file)).padStart(9)}`,
      );
    }
    const runChunk = Object.keys(manifest).find((k) => /^_run-/.test(k));
    if (runChunk) {
      say(
        `  run code       ${kb(gzOf((manifest[runChunk] as ManifestChunk).file)).padStart(9)}  (the engine and the run's screens; fetched when the library is idle or a run is shown)`,
      );
    }
    say('Loaded only when opened, beyond the first load (gzip -9)');
    for (const [label, src] of [
      ['编写与试玩 authoring view', 'src/authoring/authoring-view.tsx'],
      ['编写指南 help', 'src/ui/help-screen.tsx'],
      ['导入检查 import checker', 'src/scenario/check-file.ts'],
      ['查看全文 law article', 'src/ui/article-dialog.tsx'],
      ['复盘 debrief', 'src/ui/debrief/debrief-screen.tsx'],
      ['班级复盘 class overview', 'src/ui/class/class-page.tsx'],
    ] as const) {
      const part = beyond(src);
      say(`  ${label.padEnd(26)} JS ${kb(part.js).padStart(9)}, CSS ${kb(part.css).padStart(8)}`);
    }
    for (const [label, prefix] of [
      ['最佳路线 search worker', 'run-analysis.worker'],
      ['班级载入 intake worker', 'class-intake.worker'],
    ] as const) {
      const worker = readdirSync(join(outDir, 'assets')).find((f) => f.startsWith(prefix));
      if (worker) say(`  ${label.padEnd(26)} JS ${kb(gzOf(join('assets', worker))).padStart(9)}`);
    }
    // The authoring view's own words and its layout library, looked for in the first load.
    const leaked = ['从此处试玩', 'dagre'].filter((marker) => firstText.includes(marker));
    say(`  authoring code in the first load: ${leaked.length ? `yes (${leaked.join(', ')})` : 'none'}`);
    return { js: firstSizes.js, files: firstSizes.files.length, drillsInParallel };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
