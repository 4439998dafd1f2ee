/**
 * `npm run playtest -- <file...> [--runs N] [--seed S] [--json]` (or `--shipped` for every drill
 * in scenarios/, the template included): plays each drill many times with seeded choices and
 * reports what was reached, the scores, and the shortest and longest runs. Exit 1 when a node or
 * an ending is never reached, or a run never ends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PlaytestReport, playtest, playtestFails } from '../src/engine/playtest';
import { DIMENSIONS } from '../src/engine/scoring';
import { load } from '../src/scenario/load';
import { DIMENSION_LABEL } from '../src/ui/format';
import { drillFiles } from './vite-shipped-drills';

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function summarise(file: string, r: PlaytestReport): string[] {
  const lines = [
    `${file}：${r.runs} 局`,
    `  节点 ${r.nodes.reached}/${r.nodes.total}${r.nodes.never.length ? `，从未到达：${r.nodes.never.join('、')}` : ''}`,
    `  结局 ${r.endings.reached}/${r.endings.total}（${Object.entries(r.endings.counts)
      .map(([id, n]) => `${id} ${n} 局`)
      .join('，')}）${r.endings.never.length ? `，从未到达：${r.endings.never.join('、')}` : ''}`,
    ...DIMENSIONS.map((d) => {
      const s = r.scores[d];
      return `  ${DIMENSION_LABEL[d]}：最低 ${s.min}，最高 ${s.max}，平均 ${s.mean}`;
    }),
    `  最短一局 ${r.shortest.decisions} 个决定、${r.shortest.hours} 小时；最长一局 ${r.longest.decisions} 个决定、${r.longest.hours} 小时`,
  ];
  if (r.search.found.length) {
    lines.push(`  随机试玩未到达、系统搜索（${r.search.steps} 步）才到达：${r.search.found.join('、')}`);
  }
  if (r.endless) lines.push(`  有 ${r.endless} 局走了 500 个决定仍未结束：检查是否有出不去的循环。`);
  for (const s of r.stuck) lines.push(`  卡在节点 ${s.node}：${s.message}`);
  return lines;
}

function main(argv: string[]): number {
  const runs = option(argv, '--runs', 200);
  const seed = option(argv, '--seed', 1);
  const skip = new Set(['--runs', '--seed'].flatMap((o) => [argv.indexOf(o) + 1]).filter((i) => i > 0));
  const named = argv.filter((a, i) => !a.startsWith('--') && !skip.has(i));
  const files = argv.includes('--shipped') ? drillFiles('scenarios').map((f) => join('scenarios', f)) : named;
  if (files.length === 0) {
    console.error('用法：npm run playtest -- <情景文件.json…> [--runs N] [--seed S] [--json]，或 --shipped');
    return 1;
  }
  let failed = false;
  const reports: Record<string, PlaytestReport | { problems: string[] }> = {};
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      reports[file] = { problems: ['找不到或无法读取这个文件。'] };
      failed = true;
      continue;
    }
    const result = load(text);
    if (!result.ok) {
      reports[file] = { problems: result.problems.map((p) => `${p.pointer || '/'}: ${p.message}`) };
      failed = true;
      continue;
    }
    const report = playtest(result.scenario, runs, seed);
    reports[file] = report;
    failed ||= playtestFails(report);
  }
  if (argv.includes('--json')) {
    console.log(JSON.stringify(reports, null, 2));
  } else {
    for (const [file, r] of Object.entries(reports)) {
      const lines =
        'problems' in r ? [`${file}：无法试玩，先修正：`, ...r.problems.map((p) => `  ${p}`)] : summarise(file, r);
      console.log(lines.join('\n'));
    }
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`试玩程序出错：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
