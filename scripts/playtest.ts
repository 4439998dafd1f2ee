/**
 * `npm run playtest -- <file...> [--runs N] [--seed S] [--json]` (or `--shipped` for every drill
 * in scenarios/, the template included): plays each drill many times with seeded choices and
 * reports what was reached, the routes the runs took (beside how many the drill's graph has), the scores, the decisions and hours a run takes, the infections and
 * deaths of each ending, and the best line a search finds. Exit 1 when a node or an ending is
 * never reached, or a run never ends.
 *
 * `npm run playtest -- <file> --line a,b,c [--seed S] [--json]` plays one line instead — choice
 * ids, or numbers as on screen, or `wait` for a countdown run out — and prints each step. Exit 1
 * when a step is not on offer or the line does not reach an ending.
 *
 * A file that does not load is refused as `npm run validate` refuses it: one line per problem with
 * its pointer, line and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchBestLine } from '../src/engine/best-line';
import { type LineTrace, parseLine, type TracedStep, traceLine } from '../src/engine/line-trace';
import { nodesOnEveryRoute, type PlaytestReport, playtest, playtestFails } from '../src/engine/playtest';
import { describeRequestNews } from '../src/engine/requests';
import { start } from '../src/engine/run';
import { DIMENSIONS, formatDuration } from '../src/engine/scoring';
import { type BranchingFigures, branchingFigures } from '../src/scenario/branching';
import { checkFile } from '../src/scenario/check-file';
import { bytesText } from '../src/scenario/file-text';
import type { Scenario } from '../src/scenario/schema';
import { describeMeasure } from '../src/ui/describe-measure';
import { DIMENSION_LABEL, formatDelta, formatGameTimeShort } from '../src/ui/format';
import { validateFile } from './validate';
import { drillFiles } from './vite-shipped-drills';

const USAGE =
  '用法：npm run playtest -- <情景文件.json…> [--runs N] [--seed S] [--json]，或 --shipped；\n' +
  '      npm run playtest -- <情景文件.json> --line 选项id或序号,…（wait 表示等倒计时用完） [--seed S] [--json]';

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const n = (x: number) => x.toLocaleString('zh-CN');

interface Searched {
  exhaustive: boolean;
  ending: string | null;
  scores: Record<string, number>;
  steps: string[];
}

/** Lint's figures for the drill as a whole (scenario/branching.ts), beside the routes the runs took. */
type Figures = Omit<BranchingFigures, 'onMainLine' | 'branches' | 'someRoutes'>;

function figuresOf(scenario: Scenario): Figures {
  const { decisions, mainLine, branching, routes, capped, loops } = branchingFigures(scenario);
  return { decisions, mainLine, branching, routes, capped, loops };
}

/** How many routes to print; `--json` has them all. */
const ROUTES_SHOWN = 5;

/** The routes the sampled runs took, the most taken first, each by what sets it apart. */
function routeLines(r: PlaytestReport, figures: Figures): string[] {
  const finished = r.routes.taken.reduce((sum, t) => sum + t.runs, 0);
  const graph = figures.capped
    ? `至少 ${n(figures.routes)} 条${figures.loops ? '，有回路' : ''}`
    : `共 ${n(figures.routes)} 条`;
  const lines = [
    `  路线：走完的 ${finished} 局走出 ${r.routes.found} 条不同的路线（按沿选项经过的决定，插入事件打开的不算；结构图上从开局到结局${graph}）`,
  ];
  const common = nodesOnEveryRoute(r.routes.taken);
  r.routes.taken.slice(0, ROUTES_SHOWN).forEach((route, i) => {
    const apart = [...new Set(route.nodes)].filter((id) => !common.has(id));
    const shown = apart.length > 8 ? `${apart.slice(0, 8).join('、')} 等 ${apart.length} 个` : apart.join('、');
    const endings = Object.entries(route.endings)
      .map(([id, count]) => `${id} ${count} 局`)
      .join('、');
    lines.push(
      `    ${i + 1}. ${route.runs} 局（${Math.round((route.runs / finished) * 100)}%），${route.nodes.length} 个决定，结局 ${endings}${
        r.routes.found > 1 ? `；${shown ? `其中不是每条路线都经过的：${shown}` : '只经过每条路线都经过的决定'}` : ''
      }`,
    );
  });
  if (r.routes.found > ROUTES_SHOWN) lines.push(`    ……另有 ${r.routes.found - ROUTES_SHOWN} 条（--json 列出全部）`);
  return lines;
}

function summarise(file: string, r: PlaytestReport, best: Searched, figures: Figures): string[] {
  const lines = [
    `${file}：${r.runs} 局`,
    `  节点 ${r.nodes.reached}/${r.nodes.total}${r.nodes.never.length ? `，从未到达：${r.nodes.never.join('、')}` : ''}`,
    `  结局 ${r.endings.reached}/${r.endings.total}（${Object.entries(r.endings.counts)
      .map(([id, count]) => `${id} ${count} 局`)
      .join('，')}）${r.endings.never.length ? `，从未到达：${r.endings.never.join('、')}` : ''}`,
    ...(r.endings.byChance.length
      ? [`  取决于运气的结局（同一串决定换一个随机种子，结局不同）：${r.endings.byChance.join('、')}`]
      : []),
    ...Object.entries(r.outcomes).map(
      ([id, o]) =>
        `    ${id}：累计感染 ${n(o.cases.min)}–${n(o.cases.max)}，死亡 ${n(o.deaths.min)}–${n(o.deaths.max)}`,
    ),
    ...routeLines(r, figures),
    `  抽样的 ${r.runs} 局中：`,
    ...DIMENSIONS.map((d) => {
      const s = r.scores[d];
      return `    ${DIMENSION_LABEL[d]}：最低 ${s.min}，最高 ${s.max}，平均 ${s.mean}`;
    }),
    `    决定数：最少 ${r.decisions.min} 个，最多 ${r.decisions.max} 个`,
    `    推演时间：最短 ${r.hours.min} 小时，最长 ${r.hours.max} 小时`,
    `  ${best.exhaustive ? '最佳路线（搜索了全部走法）' : '搜索找到的较好路线（走法太多，没有穷尽）'}：${DIMENSIONS.map(
      (d) => `${DIMENSION_LABEL[d]} ${best.scores[d]}`,
    ).join('，')}，结局 ${best.ending ?? '未到'}，${best.steps.length} 个决定`,
  ];
  if (r.search.found.length) {
    lines.push(`  随机试玩未到达、系统搜索（${r.search.steps} 步）才到达：${r.search.found.join('、')}`);
  }
  if (r.endless) lines.push(`  有 ${r.endless} 局走了 500 个决定仍未结束：检查是否有出不去的循环。`);
  for (const s of r.stuck) lines.push(`  卡在节点 ${s.node}：${s.message}`);
  return lines;
}

function stepLines(scenario: Scenario, s: TracedStep): string[] {
  const at = (minutes: number) => formatGameTimeShort(scenario.clockStart, minutes);
  const lines = [
    `第 ${s.step} 步  ${at(s.clockAt)}  「${s.nodeTitle}」（${s.nodeId}）`,
    `  情况：${s.nodeText.replace(/\s*\n+\s*/g, ' ')}`,
    `  ${s.timedOut ? '倒计时用完，按' : '选择'}「${s.choiceLabel}」（${s.choiceId}）；下一个局面在 ${at(s.clockNext)}（${formatDuration(s.clockNext - s.clockAt)}后）`,
    ...(s.feedback ? [`  后果：${s.feedback}`] : []),
    ...s.measures.map((m) => `  措施：${describeMeasure(scenario, m)}`),
    ...s.changes.map((c) => `  变量：${c.var} ${String(c.from)} → ${String(c.to)}`),
    ...s.injects.map((x) => `  事件：${at(x.clock)}「${x.title}」（${x.id}）`),
    ...s.requests.map((r) => `  请示：${at(r.clock)} ${describeRequestNews(scenario, r)}`),
    ...s.regions.map(
      (r) =>
        `  ${r.name}：累计感染 ${n(r.cases)}，死亡 ${n(r.deaths)}，住院/床位 ${n(r.hospitalised)}/${n(r.beds)}，信任 ${r.trust}`,
    ),
    ...s.scores.map((e) => `  评分：${DIMENSION_LABEL[e.dimension]} ${formatDelta(e.delta)}  ${e.reason}`),
  ];
  return lines;
}

function traceLines(file: string, scenario: Scenario, trace: LineTrace): string[] {
  return [
    `${file}：按给定路线试玩`,
    ...trace.steps.flatMap((s) => stepLines(scenario, s)),
    trace.ending ? `结局：「${trace.ending.title}」（${trace.ending.id}）` : '没有到达结局。',
    `三项得分：${DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]} ${trace.scores[d]}`).join('，')}`,
    ...(trace.problem ? [`问题：${trace.problem}`] : []),
  ];
}

type Loaded = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** A drill as `validate` reads it: when it does not load, refused with validate's own lines (pointer, line, column). */
function loadFile(file: string): Loaded {
  let text: string;
  try {
    // Read as validate reads it (a byte-order mark dropped, UTF-16 after its own).
    text = bytesText(readFileSync(file));
  } catch {
    return { ok: false, problems: validateFile(file).lines };
  }
  const { result } = checkFile(text);
  if (result.ok) return { ok: true, scenario: result.scenario };
  return { ok: false, problems: validateFile(file).lines.filter((line) => !line.includes('（警告）')) };
}

function playOneLine(argv: string[], files: string[], seed: number): number {
  const i = argv.indexOf('--line');
  const words = parseLine(argv[i + 1] ?? '');
  if (files.length !== 1 || words.length === 0) {
    console.error(USAGE);
    return 1;
  }
  const file = files[0] as string;
  const loaded = loadFile(file);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.log(p);
    console.error(`${file}：无法试玩，先按上面的问题修正。`);
    return 1;
  }
  const trace = traceLine(loaded.scenario, words, seed);
  if (argv.includes('--json')) console.log(JSON.stringify(trace, null, 2));
  else console.log(traceLines(file, loaded.scenario, trace).join('\n'));
  return trace.problem ? 1 : 0;
}

function main(argv: string[]): number {
  const runs = option(argv, '--runs', 200);
  const seed = option(argv, '--seed', 1);
  const skip = new Set(['--runs', '--seed', '--line'].flatMap((o) => [argv.indexOf(o) + 1]).filter((i) => i > 0));
  const named = argv.filter((a, i) => !a.startsWith('--') && !skip.has(i));
  const files = argv.includes('--shipped') ? drillFiles('scenarios').map((f) => join('scenarios', f)) : named;
  if (argv.includes('--line')) return playOneLine(argv, files, seed);
  if (files.length === 0) {
    console.error(USAGE);
    return 1;
  }
  let failed = false;
  const reports: Record<string, (PlaytestReport & { best: Searched; figures: Figures }) | { problems: string[] }> = {};
  for (const file of files) {
    const loaded = loadFile(file);
    if (!loaded.ok) {
      reports[file] = { problems: loaded.problems };
      failed = true;
      continue;
    }
    const report = playtest(loaded.scenario, runs, seed);
    const found = searchBestLine(loaded.scenario, start(loaded.scenario, seed));
    const best: Searched = {
      exhaustive: found.exhaustive,
      ending: found.state.ending,
      scores: found.outcome.scores,
      steps: found.steps,
    };
    reports[file] = { ...report, best, figures: figuresOf(loaded.scenario) };
    failed ||= playtestFails(report);
  }
  if (argv.includes('--json')) {
    console.log(JSON.stringify(reports, null, 2));
  } else {
    for (const [file, r] of Object.entries(reports)) {
      if ('problems' in r) {
        for (const p of r.problems) console.log(p);
        console.log(`${file}：无法试玩，先按上面的问题修正。`);
      } else console.log(summarise(file, r, r.best, r.figures).join('\n'));
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
