/**
 * The code's architecture, checked (CONVENTIONS.md: bulletproof-react's restricted paths and
 * no-cycle, written once). Each folder of src/ is a zone; the table says which zones each may
 * import from. The engine is the runtime: it imports only types from the format. The format and
 * its checker (scenario) are the compiler: they may use the engine. The store knows no React;
 * the shell alone puts the trainee's screens and the authoring view together. README's "Layout"
 * shows the same table. Also: no import cycles between files, the trainee's first load carries
 * neither the validator nor the laws' text, and the engine is pure (no clock, chance, storage,
 * DOM or network).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bannedGlobals, type ImportEdge, importCycles, importsOf, loadedWith, sourceFiles } from './import-graph';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');

type Zone =
  | 'engine'
  | 'scenario'
  | 'sources'
  | 'docs'
  | 'report'
  | 'store'
  | 'lms'
  | 'ui'
  | 'authoring'
  | 'shell'
  | 'main'
  | 'data';

/** What each zone may import from (besides itself); `types`: zones it may import types from only. */
const ZONES: Record<Exclude<Zone, 'data'>, { imports: Zone[]; types?: Zone[]; noPackages?: string[] }> = {
  engine: { imports: [], types: ['scenario'], noPackages: ['react', 'react-dom', 'zustand', 'valibot'] },
  scenario: { imports: ['engine'], noPackages: ['react', 'react-dom', 'zustand'] },
  sources: { imports: ['engine', 'scenario'], noPackages: ['react', 'react-dom', 'zustand'] },
  docs: { imports: [], noPackages: ['react', 'react-dom', 'zustand'] },
  report: { imports: ['engine', 'scenario'], noPackages: ['react', 'react-dom', 'zustand'] },
  store: { imports: ['engine', 'scenario'], noPackages: ['react', 'react-dom'] },
  lms: { imports: ['engine', 'scenario', 'store'], noPackages: ['react', 'react-dom'] },
  ui: { imports: ['engine', 'scenario', 'sources', 'docs', 'report', 'store', 'data'] },
  authoring: { imports: ['engine', 'scenario', 'docs', 'store', 'ui', 'data'] },
  shell: { imports: ['engine', 'scenario', 'store', 'ui', 'authoring'] },
  main: { imports: ['scenario', 'store', 'lms', 'ui', 'shell'] },
};

function zoneOf(path: string): Zone {
  if (path === 'src/main.tsx') return 'main';
  const match = /^src\/([^/]+)\//.exec(path);
  return (match?.[1] as Zone | undefined) ?? 'data';
}

function allEdges(): ImportEdge[] {
  return [...sourceFiles(SRC), join(SRC, 'main.tsx')]
    .filter((file, i, all) => all.indexOf(file) === i)
    .flatMap((file) => importsOf(ROOT, file));
}

/** Each import the table does not allow, as "file:line imports 'specifier' (zone → zone)". */
function wrongWay(edges: readonly ImportEdge[]): string[] {
  return edges.flatMap((e) => {
    const from = zoneOf(e.from);
    if (from === 'data') return [];
    const rule = ZONES[from];
    const say = (why: string) => [`${e.from}:${e.line} imports '${e.specifier}' (${why})`];
    if (e.to === null) {
      const banned = rule.noPackages?.find((p) => e.specifier === p || e.specifier.startsWith(`${p}/`));
      return banned ? say(`${from} may not use ${banned}`) : [];
    }
    const to = zoneOf(e.to);
    if (to === from || rule.imports.includes(to)) return [];
    if (e.typeOnly && rule.types?.includes(to)) return [];
    return say(`${from} → ${to}`);
  });
}

const edges = allEdges();

describe('the zones of src/', () => {
  it('finds the code of every zone', () => {
    const zones = new Set(sourceFiles(SRC).map((f) => zoneOf(relative(ROOT, f).split(sep).join('/'))));
    zones.add(zoneOf('src/main.tsx'));
    for (const zone of Object.keys(ZONES)) expect(zones, zone).toContain(zone);
  });

  it('has every import run the way the table allows', () => {
    expect(wrongWay(edges)).toEqual([]);
  });

  it('has no two zones that may import each other', () => {
    const both = Object.entries(ZONES).flatMap(([a, rule]) =>
      rule.imports.filter((b) => b !== 'data' && ZONES[b as keyof typeof ZONES].imports.includes(a as Zone)),
    );
    expect(both).toEqual([]);
  });

  it('has no import cycle between files, type-only imports included', () => {
    expect(importCycles(edges)).toEqual([]);
  });
});

describe('the trainee’s first load', () => {
  const firstLoad = [...loadedWith('src/main.tsx', edges)];

  it('is found from src/main.tsx through static value imports', () => {
    expect(firstLoad).toContain('src/shell/app.tsx');
    expect(firstLoad).toContain('src/ui/library-screen.tsx');
  });

  // The library is the first screen: the engine (~13 KB gzip) and the run's screens come after it,
  // fetched when a run is shown or while the library is idle (src/shell/run-code.ts).
  it('carries neither the engine’s run code nor the run’s screens, which are only imported dynamically', () => {
    expect(
      firstLoad.filter(
        (f) => (f.startsWith('src/engine/') && f !== 'src/engine/types.ts') || f === 'src/shell/run-screens.tsx',
      ),
    ).toEqual([]);
    expect(firstLoad.filter((f) => /^src\/ui\/(briefing|decision|consequence)-screen/.test(f))).toEqual([]);
    expect(edges.filter((e) => /\/run-screens$/.test(e.specifier) && !e.dynamic && !e.typeOnly)).toEqual([]);
  });

  // A value import of the schema module would pull valibot and every field description into the
  // first load (it did once: +9 KB gzip). The validator is fetched only where a file is loaded.
  it('imports neither valibot nor the schema, the loader or the checker', () => {
    expect(edges.filter((e) => firstLoad.includes(e.from) && !e.typeOnly && e.specifier === 'valibot')).toEqual([]);
    expect(
      firstLoad.filter((f) => /^src\/scenario\/(schema|load|lint|world-schema|schema-primitives)\b/.test(f)),
    ).toEqual([]);
  });

  // The laws' text (sources/laws.json: with its dialog ~30 KB gzip) and the code that reads it reach
  // the browser only with the article dialog, which 查看全文 fetches when it is first clicked.
  it('leaves the laws of sources/ to the article dialog, which is only ever imported dynamically', () => {
    const readingSources = edges.filter((e) => !e.typeOnly && /(^|\/)sources\//.test(e.specifier)).map((e) => e.from);
    expect([...new Set(readingSources)].filter((f) => !f.startsWith('src/sources/'))).toEqual([
      'src/ui/article-dialog.tsx',
    ]);
    expect(edges.filter((e) => /article-dialog$/.test(e.specifier) && !e.dynamic && !e.typeOnly)).toEqual([]);
    expect(firstLoad.filter((f) => f.startsWith('sources/') || f === 'src/ui/article-dialog.tsx')).toEqual([]);
    expect(readFileSync(join(SRC, 'ui', 'reference-list.tsx'), 'utf8')).toContain("import('./article-dialog')");
  });

  // The debrief and what it builds (ratings, the best line, what-if, the results file) are fetched
  // when a run ends; the shell imports the debrief screen only dynamically.
  it('carries neither the debrief nor the report it builds', () => {
    expect(firstLoad.filter((f) => f.startsWith('src/report/') || f.startsWith('src/ui/debrief/'))).toEqual([]);
    expect(edges.filter((e) => /debrief\/debrief-screen$/.test(e.specifier) && !e.dynamic && !e.typeOnly)).toEqual([]);
  });

  // In an LMS the SCORM reporter is fetched once its API is found; without one, only the few lines that look.
  it('carries the look for an LMS, never the SCORM reporter', () => {
    expect(firstLoad.filter((f) => f.startsWith('src/lms/'))).toEqual(['src/lms/find-api.ts']);
  });

  it('carries none of the instructors’ screens', () => {
    const instructors = (f: string) =>
      f.startsWith('src/authoring/') ||
      f.startsWith('src/ui/class/') ||
      f.startsWith('src/report/class-') ||
      f === 'src/ui/help-screen.tsx';
    expect(firstLoad.filter(instructors)).toEqual([]);
  });
});

/** Globals the engine may not touch, by their fully qualified name. */
const BANNED_GLOBALS = new Set([
  'Date',
  'Math.random',
  'performance',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'window',
  'document',
  'fetch',
]);
const ENGINE = join(SRC, 'engine');
const describeUses = (text: Map<string, string>) =>
  bannedGlobals(ROOT, text, BANNED_GLOBALS).map((u) => `${u.file}:${u.line} uses ${u.token}`);

// Building a TypeScript program takes a few seconds the first time.
describe('the engine is pure', { timeout: 60_000 }, () => {
  it('finds the engine’s source files', () => {
    const files = sourceFiles(ENGINE).map((f) => f.slice(ENGINE.length + 1));
    expect(files).toContain('run.ts');
    expect(files).toContain('clock.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('is tested without a DOM: no engine test imports React or Testing Library', () => {
    const engineTests = readdirSync(ENGINE)
      .filter((f) => /\.test\.tsx?$/.test(f))
      .flatMap((f) => importsOf(ROOT, join(ENGINE, f)));
    expect(engineTests.length).toBeGreaterThan(0);
    expect(
      engineTests.filter((e) => /^(react|react-dom|@testing-library)(\/|$)/.test(e.specifier)).map((e) => e.from),
    ).toEqual([]);
  });

  it('uses no clock, randomness, storage, DOM or network', () => {
    expect(describeUses(new Map(sourceFiles(ENGINE).map((f) => [f, readFileSync(f, 'utf8')])))).toEqual([]);
  });
});

describe('the guards themselves', { timeout: 60_000 }, () => {
  const probe = (zone: string, name = 'x') => join(SRC, zone, `__architecture_probe_${name}.ts`);
  const planted = (zone: string, text: string) => wrongWay(importsOf(ROOT, probe(zone), text));

  it('names the file, line and token of each wrong-way import, dynamic and re-exports included', () => {
    expect(
      planted(
        'engine',
        [
          "import React from 'react';",
          "import { createRoot } from 'react-dom/client';",
          "import { create } from 'zustand';",
          "import { Button } from '../ui/button';",
          "export { useApp } from '../store/app-store';",
          "const lazy = () => import('../ui/screen');",
          "import { ScenarioSchema } from '../scenario/schema';",
          "import type { Scenario } from '../scenario/schema';",
          "import { type Choice } from '../scenario/schema';",
        ].join('\n'),
      ),
    ).toEqual([
      "src/engine/__architecture_probe_x.ts:1 imports 'react' (engine may not use react)",
      "src/engine/__architecture_probe_x.ts:2 imports 'react-dom/client' (engine may not use react-dom)",
      "src/engine/__architecture_probe_x.ts:3 imports 'zustand' (engine may not use zustand)",
      "src/engine/__architecture_probe_x.ts:4 imports '../ui/button' (engine → ui)",
      "src/engine/__architecture_probe_x.ts:5 imports '../store/app-store' (engine → store)",
      "src/engine/__architecture_probe_x.ts:6 imports '../ui/screen' (engine → ui)",
      "src/engine/__architecture_probe_x.ts:7 imports '../scenario/schema' (engine → scenario)",
    ]);
  });

  it('holds every zone to the table: the format may not reach the store, nor the store the screens', () => {
    expect(planted('scenario', "import { useApp } from '../store/app-store';")).toEqual([
      "src/scenario/__architecture_probe_x.ts:1 imports '../store/app-store' (scenario → store)",
    ]);
    expect(planted('store', "import { App } from '../shell/app';")).toEqual([
      "src/store/__architecture_probe_x.ts:1 imports '../shell/app' (store → shell)",
    ]);
    expect(planted('ui', "const view = () => import('../authoring/authoring-view');")).toEqual([
      "src/ui/__architecture_probe_x.ts:1 imports '../authoring/authoring-view' (ui → authoring)",
    ]);
  });

  it('ignores comments and strings that only look like imports', () => {
    expect(planted('engine', "// import React from 'react';\nexport const s = \"import '../ui/x'\";")).toEqual([]);
  });

  it('finds a cycle, type-only imports included, and a file importing itself', () => {
    const a = importsOf(ROOT, probe('engine', 'a'), "import type { B } from './__architecture_probe_b.ts';");
    const b = importsOf(ROOT, probe('engine', 'b'), "import { a } from './__architecture_probe_a.ts';");
    expect(importCycles([...a, ...b])).toEqual([
      ['src/engine/__architecture_probe_a.ts', 'src/engine/__architecture_probe_b.ts'],
    ]);
    expect(importCycles(importsOf(ROOT, probe('engine', 'c'), "import './__architecture_probe_c.ts';")).length).toBe(1);
  });

  it('counts what is loaded through static value imports only', () => {
    const main = importsOf(
      ROOT,
      join(SRC, 'main.tsx'),
      "import type { X } from './scenario/schema';\nconst later = () => import('./scenario/load');\nimport { run } from './engine/run';",
    );
    const reached = loadedWith('src/main.tsx', main);
    expect([...reached]).toEqual(['src/main.tsx', 'src/engine/run.ts']);
  });

  const check = (text: string) => describeUses(new Map([[probe('engine'), text]]));

  it('names each banned global', () => {
    expect(
      check(
        [
          'export const a = Date.now();',
          'export const b = Math.random();',
          'export const c = performance.now();',
          "export const d = localStorage.getItem('k');",
          "export const e = sessionStorage.getItem('k');",
          "export const f = indexedDB.open('k');",
          'export const g = window.innerWidth;',
          'export const h = document.title;',
          "export const i = fetch('/x');",
          'export const j = new Date();',
          'export const k = globalThis.fetch;',
          'export const l = { Date };',
        ].join('\n'),
      ),
    ).toEqual([
      'src/engine/__architecture_probe_x.ts:1 uses Date',
      'src/engine/__architecture_probe_x.ts:2 uses Math.random',
      'src/engine/__architecture_probe_x.ts:3 uses performance',
      'src/engine/__architecture_probe_x.ts:4 uses localStorage',
      'src/engine/__architecture_probe_x.ts:5 uses sessionStorage',
      'src/engine/__architecture_probe_x.ts:6 uses indexedDB',
      'src/engine/__architecture_probe_x.ts:7 uses window',
      'src/engine/__architecture_probe_x.ts:8 uses document',
      'src/engine/__architecture_probe_x.ts:9 uses fetch',
      'src/engine/__architecture_probe_x.ts:10 uses Date',
      'src/engine/__architecture_probe_x.ts:11 uses fetch',
      'src/engine/__architecture_probe_x.ts:12 uses Date',
    ]);
  });

  it('ignores comments, strings, properties and local names that only look banned', () => {
    expect(
      check(
        [
          '// Never call Date.now() or Math.random() here; no window, no fetch.',
          "/* import React from 'react'; */",
          "export const message = 'the window closes; see document 3; Date unknown';",
          'export function score(window: { open: number }) { return window.open; }',
          'export const record = { document: 1, fetch: 2, performance: 3 };',
          'export const read = (o: { Date: number; random: () => number }) => o.Date + o.random();',
          'export const ok = Math.floor(Math.max(1, 2));',
          'export const any = (x: any) => x.fetch + x.window;',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
