import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf16 } from './utf16';

/** Runs the script `npm run playtest` runs (tsx by its path: npx finds it only inside the project). */
function run(args: string[]) {
  try {
    const out = execFileSync(resolve('node_modules/.bin/tsx'), [resolve('scripts/playtest.ts'), ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, out, err: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout, err: err.stderr };
  }
}

const VALID = 'test/fixtures/valid.json';

describe('npm run playtest -- FILE --line', () => {
  it('plays the line and prints each step, the ending and the three scores', () => {
    const { code, out } = run([VALID, '--line', '1']);
    expect(code).toBe(0);
    expect(out).toContain('第 1 步  1月8日 08:00  「接到报告」（n1）');
    expect(out).toContain('选择「立即上报」（c1）');
    expect(out).toMatch(/结局：「.+」（end）/);
    expect(out).toMatch(/三项得分：时效 \d+，依法 \d+，协同 \d+/);
  });

  it('gives the same as data with --json', () => {
    const { code, out } = run([VALID, '--line', 'c1', '--json']);
    expect(code).toBe(0);
    const trace = JSON.parse(out);
    expect(trace.steps[0]).toMatchObject({ step: 1, nodeId: 'n1', choiceId: 'c1' });
    expect(trace.ending.id).toBe('end');
    expect(trace.problem).toBeNull();
  });

  it('fails on a step that is not on offer, saying what is', () => {
    const { code, out } = run([VALID, '--line', 'nope']);
    expect(code).toBe(1);
    expect(out).toContain('问题：第 1 步（nope）：「接到报告」（n1）此时没有这个选项；可选：1 c1');
  });

  it('plays a file Notepad saved as “Unicode” (UTF-16), as the app would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuiyan-playtest-'));
    try {
      const file = join(dir, 'valid.json');
      writeFileSync(file, utf16(readFileSync(VALID, 'utf8'), true));
      const { code, out } = run([file, '--line', '1']);
      expect(code).toBe(0);
      expect(out).toContain('选择「立即上报」（c1）');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that does not load as validate does: pointer, line and column', () => {
    const { code, out } = run(['test/fixtures/broken/dangling-next.json', '--line', '1']);
    expect(code).toBe(1);
    expect(out).toContain(
      'test/fixtures/broken/dangling-next.json: /nodes/0/choices/0/next (24:19): 去向节点「nowhere」不存在',
    );
  });
});

describe('npm run playtest -- FILE', () => {
  it('labels the sampled ranges as sampled, gives decisions and hours apart, each ending’s outcomes, and the searched best line', () => {
    const { code, out } = run([VALID, '--runs', '20']);
    expect(code).toBe(0);
    expect(out).toContain('抽样的 20 局中：');
    expect(out).toMatch(/决定数：最少 \d+ 个，最多 \d+ 个/);
    expect(out).toMatch(/推演时间：最短 [\d.]+ 小时，最长 [\d.]+ 小时/);
    expect(out).toMatch(/ {4}end：累计感染 [\d,]+–[\d,]+，死亡 \d+–\d+/);
    expect(out).toMatch(/最佳路线（搜索了全部走法）：时效 \d+，依法 \d+，协同 \d+，结局 end，1 个决定/);
  });

  it('reports the routes the runs took beside the routes of the drill’s graph, in --json too', () => {
    const { code, out } = run([VALID, '--runs', '20']);
    expect(code).toBe(0);
    expect(out).toContain(
      '  路线：走完的 20 局走出 1 条不同的路线（按沿选项经过的决定，插入事件打开的不算；结构图上从开局到结局共 1 条）\n' +
        '    1. 20 局（100%），1 个决定，结局 end 20 局\n',
    );
    const json = JSON.parse(run([VALID, '--runs', '20', '--json']).out)[VALID];
    expect(json.routes).toEqual({ found: 1, taken: [{ nodes: ['n1'], runs: 20, endings: { end: 20 } }] });
    expect(json.figures).toEqual({ decisions: 1, mainLine: 1, branching: 0, routes: 1, capped: false, loops: false });
  });

  it('names the endings that depend on chance', () => {
    // The broken corpus's persuasion drill, its chance written as a probability.
    const broken = readFileSync('test/fixtures/broken/chance-out-of-range.json', 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'playtest-chance-'));
    const file = join(dir, 'chance.json');
    try {
      writeFileSync(file, broken.replace('"chance": 60', '"chance": 0.6'));
      const { code, out } = run([file, '--runs', '40']);
      expect(code).toBe(0);
      expect(out).toContain('取决于运气的结局（同一串决定换一个随机种子，结局不同）：agreed、refused');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
