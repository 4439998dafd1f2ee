/**
 * The engine is pure (CONVENTIONS.md, habit 1): it imports no React, zustand, UI or store, and
 * never reaches for a clock, randomness, storage, the DOM or the network. Biome's restricted-globals
 * rule says the same while editing; this test makes it a failing build, and names file and token.
 *
 * It reads the code with the TypeScript compiler rather than with regular expressions, so comments
 * and strings never count, and a local variable that happens to be called `window` is not the global.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE = join(ROOT, 'src', 'engine');

/** Packages the engine may not import (a subpath such as "react/jsx-runtime" counts too). */
const BANNED_PACKAGES = ['react', 'react-dom', 'zustand'];
/** Folders the engine may not import from. */
const BANNED_FOLDERS = [join(ROOT, 'src', 'ui'), join(ROOT, 'src', 'store')];
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

interface Violation {
  file: string;
  line: number;
  token: string;
}

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return engineFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function bannedSpecifier(specifier: string, fromFile: string): boolean {
  if (BANNED_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`))) return true;
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(fromFile), specifier);
    return BANNED_FOLDERS.some((folder) => target === folder || target.startsWith(folder + sep));
  }
  // A path alias, should one ever be configured: "@/ui/…", "~/store/…", "src/ui/…".
  return /^(?:[@~#]\/|(?:.*\/)?src\/)(?:ui|store)(?:\/|$)/.test(specifier);
}

/** Library typings parsed once for every program this file builds (lib.dom.d.ts alone is large). */
const libraryCache = new Map<string, ts.SourceFile | undefined>();

/** Imports: `import … from`, `export … from`, `import()`, `require()`, `import x = require()`. */
function moduleSpecifier(node: ts.Node): ts.Expression | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isExternalModuleReference(node)) return node.expression;
  if (
    ts.isCallExpression(node) &&
    (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
  ) {
    return node.arguments[0];
  }
  return undefined;
}

/**
 * Every banned import and banned global in `files` (absolute path → source text). Files not given
 * are read from disk as usual, so the engine's imports of the schema and of packages resolve.
 */
function findViolations(files: ReadonlyMap<string, string>): Violation[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The DOM's typings are loaded so that `window` & co. resolve to the platform, and can be told
    // apart from a local variable of the same name.
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, onError, create) => {
    const text = files.get(resolve(name));
    if (text !== undefined) return ts.createSourceFile(name, text, version, true);
    if (!name.includes('node_modules')) return getSourceFile(name, version, onError, create);
    if (!libraryCache.has(name)) libraryCache.set(name, getSourceFile(name, version, onError, create));
    return libraryCache.get(name);
  };
  host.fileExists = (name) => files.has(resolve(name)) || fileExists(name);
  host.readFile = (name) => files.get(resolve(name)) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const checker = program.getTypeChecker();
  const declaredInOurCode = (symbol: ts.Symbol) =>
    (symbol.declarations ?? []).some((d) => !d.getSourceFile().isDeclarationFile);

  const violations: Violation[] = [];
  for (const path of files.keys()) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`could not read ${path}`);
    const file = relative(ROOT, path).split(sep).join('/');
    const report = (node: ts.Node, token: string) => {
      violations.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, token });
    };
    const visit = (node: ts.Node): void => {
      const specifier = moduleSpecifier(node);
      if (specifier && ts.isStringLiteralLike(specifier) && bannedSpecifier(specifier.text, path)) {
        report(specifier, `import '${specifier.text}'`);
      }
      if (ts.isIdentifier(node)) {
        // `{ Date }` names a property of ours but reads the global.
        const symbol =
          ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
            ? checker.getShorthandAssignmentValueSymbol(node.parent)
            : checker.getSymbolAtLocation(node);
        if (symbol) {
          // Declared only in the platform's typings: a global such as Date, window or Math.random.
          const name = checker.getFullyQualifiedName(symbol);
          if (BANNED_GLOBALS.has(name) && !declaredInOurCode(symbol)) report(node, name);
        } else if (
          BANNED_GLOBALS.has(node.text) &&
          !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
        ) {
          report(node, node.text); // unresolved: a global the typings above do not know
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

function describeViolations(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.file}:${v.line} uses ${v.token}`);
}

// Building a TypeScript program takes a few seconds the first time.
describe('the engine boundary', { timeout: 60_000 }, () => {
  it('finds the engine’s source files', () => {
    const files = engineFiles(ENGINE).map((f) => relative(ENGINE, f));
    expect(files).toContain('run.ts');
    expect(files).toContain('clock.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('imports no React, zustand, UI or store, and uses no clock, randomness, storage, DOM or network', () => {
    const files = new Map(engineFiles(ENGINE).map((f) => [f, readFileSync(f, 'utf8')]));
    expect(describeViolations(findViolations(files))).toEqual([]);
  });
});

describe('findViolations (the guard itself)', { timeout: 60_000 }, () => {
  const at = (name: string) => join(ENGINE, `__boundary_probe_${name}.ts`);
  const check = (text: string) => describeViolations(findViolations(new Map([[at('x'), text]])));

  it('names the file, line and token of each banned import', () => {
    expect(
      check(
        [
          "import React from 'react';",
          "import { createRoot } from 'react-dom/client';",
          "import { create } from 'zustand';",
          "import { Button } from '../ui/button';",
          "export { useApp } from '../store/app-store';",
          "const lazy = () => import('../ui/screen');",
        ].join('\n'),
      ),
    ).toEqual([
      "src/engine/__boundary_probe_x.ts:1 uses import 'react'",
      "src/engine/__boundary_probe_x.ts:2 uses import 'react-dom/client'",
      "src/engine/__boundary_probe_x.ts:3 uses import 'zustand'",
      "src/engine/__boundary_probe_x.ts:4 uses import '../ui/button'",
      "src/engine/__boundary_probe_x.ts:5 uses import '../store/app-store'",
      "src/engine/__boundary_probe_x.ts:6 uses import '../ui/screen'",
    ]);
  });

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
      'src/engine/__boundary_probe_x.ts:1 uses Date',
      'src/engine/__boundary_probe_x.ts:2 uses Math.random',
      'src/engine/__boundary_probe_x.ts:3 uses performance',
      'src/engine/__boundary_probe_x.ts:4 uses localStorage',
      'src/engine/__boundary_probe_x.ts:5 uses sessionStorage',
      'src/engine/__boundary_probe_x.ts:6 uses indexedDB',
      'src/engine/__boundary_probe_x.ts:7 uses window',
      'src/engine/__boundary_probe_x.ts:8 uses document',
      'src/engine/__boundary_probe_x.ts:9 uses fetch',
      'src/engine/__boundary_probe_x.ts:10 uses Date',
      'src/engine/__boundary_probe_x.ts:11 uses fetch',
      'src/engine/__boundary_probe_x.ts:12 uses Date',
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
