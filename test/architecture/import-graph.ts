/**
 * The import graph of src/, read with the TypeScript parser rather than regular expressions, so
 * comments and strings never count: every `import … from`, `export … from`, `import()` and
 * `require()`, with whether it brings in only types and whether it is fetched on demand.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Repository-relative path of the importing file, with forward slashes. */
  from: string;
  specifier: string;
  /** Repository-relative path of the imported file, or null for a package or a virtual module. */
  to: string | null;
  /** Brings in types only (`import type`, `export type`, or every named import marked `type`). */
  typeOnly: boolean;
  /** `import()`: fetched when first needed, never in the importer's chunk. */
  dynamic: boolean;
  line: number;
}

/** Source files under `dir` (absolute), tests and declaration files left out. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveRelative(root: string, fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split(sep).join('/');
  }
  return relative(root, base).split(sep).join('/');
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import such as a stylesheet
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    clause.name === undefined &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

/**
 * The imports of one file. `text` defaults to the file on disk; a test passes its own text to
 * plant an import where none is.
 */
export function importsOf(root: string, file: string, text = readFileSync(file, 'utf8')): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const from = relative(root, file).split(sep).join('/');
  const edges: ImportEdge[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean, dynamic: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const name = specifier.text;
    edges.push({
      from,
      specifier: name,
      to: name.startsWith('.') ? resolveRelative(root, file, name) : null,
      typeOnly,
      dynamic,
      line: source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node))
      add(node.moduleSpecifier, isTypeOnly(node), false);
    else if (ts.isExternalModuleReference(node)) add(node.expression, false, false);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node.arguments[0], false, true);
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require')
      add(node.arguments[0], false, false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Files in import cycles (type-only imports count: they tie the files together just the same). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.to) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components, iteratively.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; i: number };
      const targets = next.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const to = targets[frame.i++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (next.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** The files a static, value import chain reaches from `entry`: what loads with it. */
export function loadedWith(entry: string, edges: readonly ImportEdge[]): Set<string> {
  const reached = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const e of edges) {
      if (e.from !== file || e.dynamic || e.typeOnly || !e.to || reached.has(e.to)) continue;
      reached.add(e.to);
      queue.push(e.to);
    }
  }
  return reached;
}

/** The library typings, parsed once for every program the engine's purity check builds. */
const libraryCache = new Map<string, ts.SourceFile | undefined>();

export interface GlobalUse {
  file: string;
  line: number;
  token: string;
}

/**
 * Every use in `files` (absolute path → source text) of a global in `banned`, by its fully
 * qualified name: the type checker tells the platform's `window` from a local variable so named.
 */
export function bannedGlobals(root: string, files: ReadonlyMap<string, string>, banned: ReadonlySet<string>) {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The DOM's typings are loaded so that `window` & co. resolve to the platform.
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
  const uses: GlobalUse[] = [];
  for (const path of files.keys()) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`could not read ${path}`);
    const file = relative(root, path).split(sep).join('/');
    const report = (node: ts.Node, token: string) =>
      uses.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, token });
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        // `{ Date }` names a property of ours but reads the global.
        const symbol =
          ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
            ? checker.getShorthandAssignmentValueSymbol(node.parent)
            : checker.getSymbolAtLocation(node);
        if (symbol) {
          const name = checker.getFullyQualifiedName(symbol);
          if (banned.has(name) && !declaredInOurCode(symbol)) report(node, name);
        } else if (
          banned.has(node.text) &&
          !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
        ) {
          report(node, node.text); // unresolved: a global the typings above do not know
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
