/**
 * `npm run validate -- <file...>`: checks drill files with the same `load` the app uses, and every
 * quote against the law and lecture in the project's sources/ (never ../shared).
 * Exit 0 when every file is valid; otherwise exit 1 and one line per problem:
 *   <file>: <JSON pointer> (<line>:<column>): <message>
 * After a drill's problems, lint's note for the whole drill (how many decisions branch, how many
 * routes it has), when its shape could be read:
 *   <file>: （说明）<note>
 * Whatever the input (missing, empty, binary, huge, deeply nested, not JSON), never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { checkFile, placeProblems } from '../src/scenario/check-file';
import { bytesText } from '../src/scenario/file-text';
import { branchingNote } from '../src/scenario/lint/branching';
import { MAX_SCENARIO_BYTES } from '../src/scenario/load';
import type { Problem } from '../src/scenario/problem';
import { quoteProblems } from '../src/sources/drill-quotes';
import type { Sources } from '../src/sources/quote-check';
import { readSources } from './project-sources';

export interface FileReport {
  file: string;
  lines: string[];
  /** Lint's notes on the whole drill: figures, not problems. */
  notes: string[];
  errors: number;
  warnings: number;
}

let sources: Sources | null = null;

/** The quotes of a drill that are not verbatim in sources/; the sources are read once, on the first drill. */
function quoteCheck(text: string): Problem[] {
  let drill: unknown;
  try {
    drill = JSON.parse(text);
  } catch {
    return []; // load has said where the JSON breaks
  }
  try {
    sources ??= readSources();
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    return [
      {
        severity: 'error',
        pointer: '',
        message: `无法读取项目的法规与讲稿原文（sources/，${why}），引文没有检查：在项目目录运行 npm run sources。`,
      },
    ];
  }
  return quoteProblems(drill, sources);
}

/** Reads and checks one file; never throws. */
export function validateFile(file: string): FileReport {
  const fail = (message: string): FileReport => ({
    file,
    lines: [`${file}: / (1:1): ${message}`],
    notes: [],
    errors: 1,
    warnings: 0,
  });
  let text: string;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fail('这是一个文件夹，不是情景文件：请给出 .json 文件的路径。');
    if (stat.size > MAX_SCENARIO_BYTES) {
      return fail(
        `文件太大（${(stat.size / 1024 / 1024).toFixed(1)} MB，上限 ${MAX_SCENARIO_BYTES / 1024 / 1024} MB）：检查是否选错了文件。`,
      );
    }
    // As the app reads a chosen file: UTF-8, or UTF-16 after its byte-order mark (Notepad's "Unicode").
    text = bytesText(readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' ? '找不到这个文件：检查路径和文件名。' : `无法读取这个文件（${code ?? '未知原因'}）。`,
    );
  }
  const checked = checkFile(text);
  const placed = [...checked.placed, ...placeProblems(text, quoteCheck(text))];
  const scenario = checked.result.ok ? checked.result.scenario : checked.result.shaped;
  return {
    file,
    notes: scenario ? [`${file}: （说明）${branchingNote(scenario)}`] : [],
    lines: placed.map(
      (p) =>
        `${file}: ${p.pointer || '/'} (${p.line}:${p.column}): ${p.severity === 'warning' ? '（警告）' : ''}${p.message}`,
    ),
    errors: placed.filter((p) => p.severity === 'error').length,
    warnings: placed.filter((p) => p.severity === 'warning').length,
  };
}

function main(argv: string[]): number {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('用法：npm run validate -- <情景文件.json> [更多文件…]');
    return 1;
  }
  let errors = 0;
  for (const file of files) {
    const report = validateFile(file);
    for (const l of report.lines) console.log(l);
    for (const l of report.notes) console.log(l);
    errors += report.errors;
  }
  // On standard output, with the problems: a script or CI reads one stream.
  if (errors === 0) console.log(`${files.length} 个文件检查通过。`);
  return errors === 0 ? 0 : 1;
}

if (process.argv[1] && /validate\.ts$/.test(process.argv[1])) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    // A bug of ours, not the author's: say so in one line, still without a stack trace.
    console.error(`检查程序出错：${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
