/**
 * The broken-file corpus: one small file per problem an author can make (test/fixtures/broken/),
 * each checked the way the app checks an imported file and the way `npm run validate` does, against
 * test/fixtures/broken/expected.json: exactly these problems, at these pointers, lines and columns.
 * A huge and a deeply nested file are generated here rather than stored.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFile } from '../scripts/validate';
import { checkFile } from '../src/scenario/check-file';
import { MAX_NESTING_DEPTH, MAX_SCENARIO_BYTES } from '../src/scenario/load';

const DIR = 'test/fixtures/broken';
const MANIFEST = 'expected.json';

interface Expected {
  severity: 'error' | 'warning';
  pointer: string;
  line: number;
  column: number;
  /** A part of the message. */
  message: string;
}

const manifest = JSON.parse(readFileSync(join(DIR, MANIFEST), 'utf8')) as {
  files: Record<string, { problems: Expected[]; cli?: Expected[] }>;
};
const files = readdirSync(DIR).filter((f) => f !== MANIFEST);

const HAN = /[\u4e00-\u9fff]/;
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line `npm run validate` prints: `<file>: <pointer> (<line>:<column>): <message>`, warnings marked. */
function cliLine(file: string, p: Expected): RegExp {
  const head = `${file}: ${p.pointer || '/'} (${p.line}:${p.column}): ${p.severity === 'warning' ? '（警告）' : ''}`;
  return new RegExp(`^${literal(head)}.*${literal(p.message)}`);
}

/** Each problem the issue asks lint (or the schema) to catch, and the file that shows it. */
const COVERS: Record<string, string> = {
  'not JSON': 'not-json.json',
  'an empty file': 'empty.json',
  'a binary file': 'binary.bin.json',
  'a value of the wrong type': 'wrong-type.json',
  '`next` to an unknown node': 'dangling-next.json',
  'an unreachable node': 'unreachable-node.json',
  'a node with no way out that is not an ending': 'dead-end.json',
  'a decision with no choices': 'no-choices.json',
  'an ending never reached': 'unreached-ending.json',
  'an undeclared variable': 'undeclared-variable.json',
  'an undeclared region': 'undeclared-region.json',
  'an undeclared actor': 'undeclared-actor.json',
  'an undeclared power': 'undeclared-power.json',
  'an undeclared reference': 'undeclared-reference.json',
  'a condition that can never hold given declared ranges': 'never-holds.json',
  'a choice without feedback': 'missing-feedback.json',
  'a time limit without a timeout choice': 'time-limit-without-timeout.json',
  'duplicate ids': 'duplicate-id.json',
  'a score dimension no rule can move': 'score-never-moves.json',
  'a score dimension whose best cannot reach the top of its scale': 'score-span-short.json',
  'text too long for the decision screen': 'text-too-long.json',
  'a choice label too long for the decision screen': 'label-too-long.json',
  'more choices than the decision screen holds': 'too-many-choices.json',
  'text longer than the format allows': 'text-over-limit.json',
  'an answer to a request that can come before the request': 'decides-before-request.json',
  'a placeholder in text that names nothing the drill can fill': 'unknown-placeholder.json',
  'an interception by a region the shipment does not pass through': 'intercept-off-route.json',
  'a chance outside 0–1 (a percentage written as 60)': 'chance-out-of-range.json',
  'two injects that open nodes at the same moment': 'injects-same-moment.json',
  'a meaning problem reported while a shape error remains elsewhere': 'shape-and-meaning.json',
};

describe('the broken-file corpus', () => {
  it('has expectations for every file in it, and a file for every expectation', () => {
    expect(files.sort()).toEqual(Object.keys(manifest.files).sort());
  });

  it('has a file for every problem the checker must catch', () => {
    expect(Object.values(COVERS).filter((f) => !files.includes(f))).toEqual([]);
  });

  describe.each(files)('%s', (file) => {
    const path = join(DIR, file);
    const expected = manifest.files[file] ?? { problems: [] };

    it('is reported with exactly the expected problems when checked in the app', () => {
      const { result, placed } = checkFile(readFileSync(path, 'utf8'));
      expect(
        placed.map(({ severity, pointer, line, column, message }) => ({ severity, pointer, line, column, message })),
      ).toEqual(expected.problems.map((p) => ({ ...p, message: expect.stringContaining(p.message) })));
      for (const p of placed) expect(p.message).toMatch(HAN);
      // Warnings alone do not refuse a file.
      expect(result.ok).toBe(expected.problems.every((p) => p.severity === 'warning'));
    });

    it('is reported as <file>: <pointer> (<line>:<column>): <message> by npm run validate', () => {
      const problems = expected.cli ?? expected.problems;
      const report = validateFile(path);
      expect(report.lines).toHaveLength(problems.length);
      problems.forEach((p, i) => {
        expect(report.lines[i]).toMatch(cliLine(path, p));
      });
      expect(report.errors).toBe(problems.filter((p) => p.severity === 'error').length);
      expect(report.warnings).toBe(problems.filter((p) => p.severity === 'warning').length);
    });
  });
});

describe('generated broken files', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tuiyan-broken-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses a huge file before parsing it, in the app and on the command line', () => {
    const huge = `{"id": "${'x'.repeat(MAX_SCENARIO_BYTES)}"}`;
    const { result, placed } = checkFile(huge);
    expect(result.ok).toBe(false);
    expect(placed).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer: '',
        line: 1,
        column: 1,
        message: expect.stringMatching(/^文件太大/),
      }),
    ]);
    const file = join(tmp, 'huge.json');
    writeFileSync(file, huge);
    expect(validateFile(file).lines).toEqual([
      expect.stringMatching(new RegExp(`^${literal(file)}: / \\(1:1\\): 文件太大`)),
    ]);
  });

  it('refuses a deeply nested file at the first value too deep, without overflowing the stack', () => {
    const depth = 20_000;
    const deep = `{\n  "nodes": ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n`;
    const { result, placed } = checkFile(deep);
    expect(result.ok).toBe(false);
    const pointer = `/nodes${'/0'.repeat(MAX_NESTING_DEPTH - 1)}`;
    expect(placed).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer,
        line: 2,
        column: 12 + MAX_NESTING_DEPTH - 1,
        message: expect.stringMatching(/^嵌套太深（超过 64 层）/),
      }),
    ]);
    const file = join(tmp, 'deep.json');
    writeFileSync(file, deep);
    expect(validateFile(file).lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${literal(file)}: ${literal(pointer)} \\(2:${12 + MAX_NESTING_DEPTH - 1}\\): 嵌套太深`),
      ),
    ]);
  });
});
