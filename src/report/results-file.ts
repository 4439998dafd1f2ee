/**
 * The results file (结果文件): what a trainee hands in after a run and an instructor collects from
 * a class — one record, its type, its checker and its migrations in one file (tldraw's shape,
 * like the save in src/store/saved-state.ts). The valibot schema below is the one source of the
 * type, of the checker and of the published JSON Schema (docs/results.schema.json, written by
 * `npm run schema`); every field carries a description, in Chinese and English, that the JSON
 * Schema shows. Also here: the file built from a run, and its decisions as CSV for a spreadsheet.
 *
 * Versioned like a drill and a save: `version` says which shape a file has. A later version adds a
 * named step to RESULTS_MIGRATIONS, and checkResults brings an older file up before checking it.
 */
import * as v from 'valibot';
import { gameDateTime } from '../engine/clock';
import { snapshot } from '../engine/run';
import { findChoice, findNode } from '../engine/scenario-index';
import { DIMENSIONS, dimensionScores } from '../engine/scoring';
import { type RunState, type ScoreEvent, TIME_LIMITS, type TimeLimits } from '../engine/types';
import { locate, positionOf } from '../scenario/json-locate';
import type { Dimension, Scenario } from '../scenario/schema';
import { shapeProblems } from '../scenario/shape-messages';
import { rate } from './ratings';

/** What every results file says it is. */
export const RESULTS_FORMAT = 'tuiyan-results';
/** The version this build writes and reads. Bump it with a named step in RESULTS_MIGRATIONS. */
export const RESULTS_VERSION = 2;
/** The longest trainee name or number kept (the store trims and cuts what is typed to this). */
export const MAX_TRAINEE_LENGTH = 40;
/** A results file is a few kilobytes; anything this large is not one. */
export const MAX_RESULTS_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// The schema

const doc = v.description;

const Count = (what: string) => v.pipe(v.number(), v.integer(), v.minValue(0), doc(what));

const Timestamp = (what: string) =>
  v.pipe(
    v.nullable(
      v.pipe(
        v.string(),
        v.isoTimestamp('应为 ISO 8601 时间，如 "2026-03-02T08:15:30.000Z"'),
        doc('ISO 8601 UTC 时间 — ISO 8601 timestamp, UTC'),
      ),
    ),
    doc(what),
  );

const DimensionSchema = v.pipe(
  v.picklist(DIMENSIONS, '评分维度只能是 timeliness、legality 或 coordination'),
  doc('评分维度：timeliness 时效、legality 依法、coordination 协同 — score dimension'),
);

/** One number for each dimension. */
const PerDimension = (what: string, each: () => v.GenericSchema<number>) =>
  v.pipe(
    v.strictObject({
      timeliness: v.pipe(each(), doc('时效 — timeliness')),
      legality: v.pipe(each(), doc('依法 — legality')),
      coordination: v.pipe(each(), doc('协同 — coordination')),
    }),
    doc(what),
  );

const Rating = v.pipe(
  v.strictObject({
    grade: v.pipe(v.picklist(['优', '良', '中', '差'], '等级只能是 优、良、中 或 差'), doc('等级 — grade')),
    hseep: v.pipe(
      v.picklist(['P', 'S', 'M', 'U'], 'hseep 只能是 P、S、M 或 U'),
      doc(
        'HSEEP 的四级评定：P 无明显问题、S 有一些问题、M 有重大问题、U 未能完成 — the HSEEP rating: performed without, with some, with major challenges, or unable to be performed',
      ),
    ),
  }),
  doc('按得分评定的等级（优 ≥ 85，良 70–84，中 55–69，差 < 55） — the rating the score earns'),
);

const DecisionIndex = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  doc('第几个决定，从 0 开始（decisions 中的 index） — the decision, from 0 (an index into decisions)'),
);

const NullableDecision = v.pipe(
  v.nullable(DecisionIndex),
  doc('由哪个决定引起，从 0 开始；结束时才评的为 null — the decision it came from, or null when scored at the end'),
);

const Source = v.pipe(
  v.variant(
    'kind',
    [
      v.strictObject({
        kind: v.pipe(v.literal('choice'), doc('选项本身的评分 — scored by the choice itself')),
        decision: DecisionIndex,
        nodeId: v.pipe(v.string(), doc('节点 id — node id')),
        choiceId: v.pipe(v.string(), doc('选项 id — choice id')),
      }),
      v.strictObject({
        kind: v.pipe(v.literal('timeout'), doc('限时用完的扣分 — the penalty for a timeout')),
        decision: DecisionIndex,
        nodeId: v.pipe(v.string(), doc('节点 id — node id')),
      }),
      v.strictObject({
        kind: v.pipe(v.literal('timeWindow'), doc('关键行动的时间窗 — a key action’s time window')),
        windowId: v.pipe(v.string(), doc('时间窗 id — time window id')),
        decision: NullableDecision,
      }),
      v.strictObject({
        kind: v.pipe(v.literal('rule'), doc('自动评分规则 — an automatic scoring rule')),
        rule: v.pipe(
          v.string(),
          doc('规则名，如 unlawfulPower、notify、outcome（见 README 的评分一节） — the rule, e.g. unlawfulPower'),
        ),
        decision: NullableDecision,
      }),
    ],
    '评分来源的 kind 只能是 choice、timeout、timeWindow 或 rule',
  ),
  doc('评分从何而来 — what caused the score event'),
);

const ScoreEventSchema = v.pipe(
  v.strictObject({
    dimension: DimensionSchema,
    delta: v.pipe(v.number(), doc('加减的分 — points given (positive) or taken (negative)')),
    reason: v.pipe(v.string(), doc('理由（中文） — the reason, in Chinese')),
    source: Source,
    refs: v.pipe(
      v.array(v.string()),
      doc('依据：演练 references 中的 id — references: ids into the drill’s references'),
    ),
  }),
  doc('一条评分事件 — one score event'),
);

const DecisionRecord = v.pipe(
  v.strictObject({
    index: DecisionIndex,
    nodeId: v.pipe(v.string(), doc('决策节点 id — the decision node’s id')),
    nodeTitle: v.pipe(v.string(), doc('决策节点标题 — the decision node’s title')),
    choiceId: v.pipe(
      v.string(),
      doc('实际采取的选项 id（超时即超时选项） — the choice taken (the timeout choice after a timeout)'),
    ),
    choiceLabel: v.pipe(v.string(), doc('选项文字 — the choice’s label')),
    timedOut: v.pipe(v.boolean(), doc('限时用完、自动采取 — taken because time ran out')),
    clockMinutes: Count('作出决定时的游戏时钟：开局后多少分钟 — in-game minutes since the start when decided'),
    gameTime: v.pipe(
      v.string(),
      v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '游戏时间写成 "2026-01-08T09:00"'),
      doc('作出决定时的游戏内日期时间（与 clockStart 同格式，无时区） — in-game date-time when decided, as clockStart'),
    ),
    realMs: v.pipe(v.number(), v.minValue(0), doc('学员用的真实时间（毫秒） — real milliseconds the trainee took')),
    deltas: PerDimension(
      '这个决定引起的评分，按维度合计 — the score events of this decision, summed by dimension',
      () => v.number(),
    ),
  }),
  doc('一个决定 — one decision'),
);

const RegionOutcome = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), doc('地区 id — region id')),
    name: v.pipe(v.string(), doc('地区名称 — region name')),
    cases: Count('累计感染 — cumulative infections'),
    deaths: Count('死亡 — deaths'),
  }),
  doc('一个地区的结果 — one region’s outcome'),
);

export const ResultsSchema = v.pipe(
  v.strictObject({
    format: v.pipe(
      v.literal(RESULTS_FORMAT, `format 应为 "${RESULTS_FORMAT}"`),
      doc(`文件类型，总是 "${RESULTS_FORMAT}" — what the file is, always "${RESULTS_FORMAT}"`),
    ),
    version: v.pipe(
      v.literal(RESULTS_VERSION, `version 应为 ${RESULTS_VERSION}`),
      doc(`格式版本，目前是 ${RESULTS_VERSION} — the format version, currently ${RESULTS_VERSION}`),
    ),
    app: v.pipe(
      v.strictObject({
        name: v.pipe(v.literal('tuiyan'), doc('应用名 — the app')),
        version: v.pipe(v.string(), v.minLength(1), doc('应用版本（package.json） — the app’s version')),
      }),
      doc('导出这个文件的应用 — the app that wrote the file'),
    ),
    drill: v.pipe(
      v.strictObject({
        id: v.pipe(v.string(), doc('演练 id — drill id')),
        title: v.pipe(v.string(), doc('演练名称 — drill title')),
        legalFramework: v.pipe(
          v.number(),
          v.integer(),
          doc('演练所依据的法律年份，如 2025 — the year whose law texts the drill is set under'),
        ),
        hash: v.pipe(
          v.string(),
          v.minLength(1),
          doc(
            '演练文件的内容散列：同一散列即同一版本的演练 — content hash of the drill file: the same hash, the same version',
          ),
        ),
      }),
      doc('推演的是哪个演练、哪个版本 — which drill, in which version, was played'),
    ),
    trial: v.pipe(
      v.boolean(),
      doc(
        '编写视图里从某一节点开始的试玩（不是学员的完整推演） — a trial from the authoring view, not a trainee’s full run',
      ),
    ),
    trainee: v.pipe(
      v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TRAINEE_LENGTH))),
      doc(
        `学员在复盘页填写的姓名或学号（最多 ${MAX_TRAINEE_LENGTH} 个字符）；没填为 null — the trainee's name or number, typed on the debrief, or null`,
      ),
    ),
    timeLimits: v.optional(
      v.pipe(
        v.picklist(TIME_LIMITS, 'timeLimits 只能是 x1、x2 或 off'),
        doc(
          '推演时教员设定的限时：x1 按演练规定，x2 放宽一倍，off 不限时（不会超时）。旧文件没有这一项，按 x1 读。超时按放宽后的限时判断，放宽或不限时下 realMs 可以超过演练原定的限时 — the time limits the run was played under: x1 as the drill sets them, x2 twice as long, off none (no timeouts). Absent in older files, read as x1. A decision is judged against the time allowed, so realMs past the drill’s own limit is in time under x2 or off',
        ),
      ),
      'x1',
    ),
    seed: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      doc('本局的随机种子：种子与决定一起可重放整局 — the run’s seed: with the decisions, it replays the run'),
    ),
    startedAt: Timestamp('开始推演的真实时间；未知为 null — when the run was started, or null when unknown'),
    endedAt: Timestamp('到达结局的真实时间；未知或未结束为 null — when the run reached its ending, or null'),
    ending: v.pipe(
      v.nullable(
        v.strictObject({
          id: v.pipe(v.string(), doc('结局节点 id — ending node id')),
          title: v.pipe(v.string(), doc('结局标题 — ending title')),
          tone: v.pipe(
            v.nullable(v.picklist(['good', 'mixed', 'bad'], 'tone 只能是 good、mixed、bad 或 null')),
            doc('结局基调；演练没写为 null — the ending’s tone, or null when the drill gives none'),
          ),
        }),
      ),
      doc('到达的结局；演练未结束为 null — the ending reached, or null when the run did not end'),
    ),
    scores: PerDimension('三项得分，0–100 — the three scores, 0–100', () =>
      v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    ),
    ratings: v.pipe(
      v.strictObject({
        timeliness: Rating,
        legality: Rating,
        coordination: Rating,
      }),
      doc('每项得分的等级 — the rating of each score'),
    ),
    totals: v.pipe(
      v.strictObject({
        decisions: Count('决定数 — decisions made'),
        timeouts: Count('超时的决定数 — decisions timed out'),
        realMs: v.pipe(
          v.number(),
          v.minValue(0),
          doc('所有决定用的真实时间（毫秒） — real milliseconds, all decisions'),
        ),
        gameMinutes: Count('结束时的游戏时钟：开局后多少分钟 — in-game minutes since the start at the end'),
      }),
      doc('合计 — totals'),
    ),
    scoreEvents: v.pipe(
      v.array(ScoreEventSchema),
      doc(
        '所有评分事件，按发生顺序；每项得分 = 起评分 + 该维度 delta 之和，限制在 0–100 — every score event in order; each score is the base plus its deltas, clamped to 0–100',
      ),
    ),
    decisions: v.pipe(v.array(DecisionRecord), doc('每个决定，按顺序 — every decision, in order')),
    outcome: v.pipe(
      v.strictObject({
        cases: Count('各地累计感染之和 — cumulative infections, all regions'),
        deaths: Count('各地死亡之和 — deaths, all regions'),
        regions: v.pipe(v.array(RegionOutcome), doc('各地区，按演练中的顺序 — each region, in the drill’s order')),
      }),
      doc(
        '结束时的疫情结果；演练没有世界时为 0 和空列表 — the epidemic at the end; zeros and no regions without a world',
      ),
    ),
  }),
  doc('桌面推演的结果文件 — a tabletop-exercise results file'),
);

export type ResultsFile = v.InferOutput<typeof ResultsSchema>;
export type ResultsDecision = ResultsFile['decisions'][number];

// ---------------------------------------------------------------------------------------------
// Building it from a run

export interface ResultsInput {
  /** The drill as the run was played on it. */
  scenario: Scenario;
  /** Content hash of that drill's file. */
  hash: string;
  state: RunState;
  /** Wall-clock milliseconds since the epoch, or null when not known (a run saved before they were). */
  startedAt: number | null;
  endedAt: number | null;
  trainee: string | null;
  /** The time-limit setting the run started with (a run saved before it was kept: x1). */
  timeLimits: TimeLimits;
  appVersion: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-01-08T09:00": `minutes` after the drill's clockStart, in its format (no time zone). */
function gameTime(scenario: Scenario, minutes: number): string {
  const t = gameDateTime(scenario.clockStart, minutes);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
}

const isoOrNull = (ms: number | null): string | null =>
  ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();

function sumByDimension(events: readonly ScoreEvent[]): Record<Dimension, number> {
  const sums = { timeliness: 0, legality: 0, coordination: 0 };
  for (const e of events) sums[e.dimension] += e.delta;
  return sums;
}

/**
 * A name as the file keeps it: trimmed, and cut to MAX_TRAINEE_LENGTH (UTF-16 units, as the schema
 * counts) without splitting a character; empty is none.
 */
export function cleanTrainee(name: string | null): string | null {
  let kept = '';
  for (const ch of (name ?? '').trim()) {
    if (kept.length + ch.length > MAX_TRAINEE_LENGTH) break;
    kept += ch;
  }
  kept = kept.trim();
  return kept === '' ? null : kept;
}

/** The results file of a run (finished or not) on `scenario`. Pure: the caller gives the times and the version. */
export function buildResults({
  scenario,
  hash,
  state,
  startedAt,
  endedAt,
  trainee,
  timeLimits,
  appVersion,
}: ResultsInput): ResultsFile {
  const scores = dimensionScores(scenario, state.scoreEvents);
  const endingNode = state.ending === null ? undefined : findNode(scenario, state.ending);
  const regions = snapshot(state.world).map((r, i) => {
    const region = scenario.regions?.[i];
    return {
      id: region?.id ?? String(i),
      name: region?.name ?? region?.id ?? String(i),
      cases: r.cases,
      deaths: r.deaths,
    };
  });
  const rating = (d: Dimension) => {
    const { grade, hseep } = rate(scores[d]);
    return { grade, hseep };
  };
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    app: { name: 'tuiyan', version: appVersion },
    drill: { id: scenario.id, title: scenario.title, legalFramework: scenario.legalFramework, hash },
    trial: state.trialBase !== undefined,
    trainee: cleanTrainee(trainee),
    timeLimits,
    seed: state.seed,
    startedAt: isoOrNull(startedAt),
    endedAt: isoOrNull(endedAt),
    ending:
      endingNode?.kind === 'ending'
        ? { id: endingNode.id, title: endingNode.title, tone: endingNode.tone ?? null }
        : state.ending === null
          ? null
          : { id: state.ending, title: state.ending, tone: null },
    scores,
    ratings: { timeliness: rating('timeliness'), legality: rating('legality'), coordination: rating('coordination') },
    totals: {
      decisions: state.timeline.length,
      timeouts: state.timeline.filter((t) => t.timedOut).length,
      realMs: state.timeline.reduce((sum, t) => sum + t.realMs, 0),
      gameMinutes: state.clock,
    },
    scoreEvents: state.scoreEvents.map((e) => ({
      dimension: e.dimension,
      delta: e.delta,
      reason: e.reason,
      source: { ...e.source },
      refs: [...e.refs],
    })),
    decisions: state.timeline.map((entry, index): ResultsDecision => {
      const node = findNode(scenario, entry.nodeId);
      const choice = node?.kind === 'decision' ? findChoice(node, entry.choiceId) : undefined;
      return {
        index,
        nodeId: entry.nodeId,
        nodeTitle: node?.title ?? entry.nodeId,
        choiceId: entry.choiceId,
        choiceLabel: choice?.label ?? entry.choiceId,
        timedOut: entry.timedOut,
        clockMinutes: entry.clockAt,
        gameTime: gameTime(scenario, entry.clockAt),
        realMs: entry.realMs,
        deltas: sumByDimension(state.scoreEvents.filter((e) => e.source.decision === index)),
      };
    }),
    outcome: {
      cases: regions.reduce((sum, r) => sum + r.cases, 0),
      deaths: regions.reduce((sum, r) => sum + r.deaths, 0),
      regions,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One row per decision, for a spreadsheet

/** The CSV's columns, in order: the header a spreadsheet shows, and the cell of each decision. */
const CSV_COLUMNS: readonly [string, (d: ResultsDecision, file: ResultsFile) => string | number][] = [
  ['姓名或学号', (_, f) => f.trainee ?? ''],
  ['演练', (_, f) => f.drill.title],
  ['演练id', (_, f) => f.drill.id],
  ['序号', (d) => d.index + 1],
  ['节点id', (d) => d.nodeId],
  ['节点', (d) => d.nodeTitle],
  ['选项id', (d) => d.choiceId],
  ['选择', (d) => d.choiceLabel],
  ['超时', (d) => (d.timedOut ? '是' : '否')],
  ['游戏时间', (d) => d.gameTime.replace('T', ' ')],
  ['开局后分钟', (d) => d.clockMinutes],
  ['用时秒', (d) => Math.round(d.realMs / 100) / 10],
  ['时效', (d) => d.deltas.timeliness],
  ['依法', (d) => d.deltas.legality],
  ['协同', (d) => d.deltas.coordination],
];

/**
 * A text cell as RFC 4180 writes it, made safe for a spreadsheet: a cell a spreadsheet would
 * read as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, since drill text and names are untrusted (OWASP's CSV injection advice); a cell
 * with a comma, a quote or a line break is quoted, its quotes doubled. Numbers are our own and
 * written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The decisions as CSV: a header, then one row per decision, CRLF line ends (RFC 4180), with a
 * UTF-8 byte order mark so that Excel opens the Chinese as Chinese.
 */
export function resultsToCsv(file: ResultsFile): string {
  return csvTable([DECISION_HEADERS, ...decisionRows(file)]);
}

/** The header of a table of decisions. */
export const DECISION_HEADERS: readonly string[] = CSV_COLUMNS.map(([header]) => header);

/** A file's decisions as rows of cells, under DECISION_HEADERS. */
export function decisionRows(file: ResultsFile): (string | number)[][] {
  return file.decisions.map((d) => CSV_COLUMNS.map(([, cell]) => cell(d, file)));
}

/** Rows as CSV text: RFC 4180 cells, CRLF line ends, and the byte order mark Excel needs for Chinese. */
export function csvTable(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading one back: versions and the checker

/** One named step from a results file of version `to - 1` to one of version `to`. */
export interface ResultsMigration {
  to: number;
  name: string;
  step: (file: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * How a file of an older version becomes one of RESULTS_VERSION: named steps, applied in order,
 * each from one version to the next (it sets `version` itself).
 */
export const RESULTS_MIGRATIONS: readonly ResultsMigration[] = [
  {
    to: 2,
    // Version 1 had no time-limit setting: every run was played under the drill's own limits.
    name: 'the time limits the run was played under (x1 before they could be set)',
    step: (file) => ({ ...file, timeLimits: file.timeLimits ?? 'x1', version: 2 }),
  },
];

export function migrateResults(
  file: Record<string, unknown>,
  from: number,
  steps: readonly ResultsMigration[] = RESULTS_MIGRATIONS,
): Record<string, unknown> {
  let current = file;
  for (const m of [...steps].sort((a, b) => a.to - b.to))
    if (m.to > from && m.to <= RESULTS_VERSION) current = m.step(current);
  return current;
}

export type CheckedResults = { ok: true; file: ResultsFile } | { ok: false; message: string };

const REEXPORT = '如果文件是从本程序导出的，请不要手工修改它，回到复盘页重新导出一份。';

/** Problems named in a message at most; the rest are counted. */
const MAX_NAMED = 5;

/**
 * A results file read back: parsed, brought up to this version, and checked against the schema.
 * Refused with one Chinese message that says where (line, column and JSON pointer) and how to fix.
 */
export function checkResults(input: string): CheckedResults {
  const text = input.replace(/^\uFEFF/, '');
  const fail = (message: string): CheckedResults => ({ ok: false, message });
  if (text.length > MAX_RESULTS_BYTES) {
    return fail(`文件太大（超过 ${MAX_RESULTS_BYTES / 1024 / 1024} MB），不是推演结果文件：检查是否选错了文件。`);
  }
  if (text.trim() === '') return fail('文件是空的：请选择在复盘页“导出结果（JSON）”得到的 .json 文件。');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const at = positionOf(text, locate(text), '');
    return fail(
      `不是有效的 JSON（第 ${at.line} 行第 ${at.column} 列出错）：文件可能被截断或改动过。${REEXPORT}如果是 CSV 文件，请改选同时导出的 .json 文件。`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('结果文件的最外层应是一个对象 { … }：请选择在复盘页“导出结果（JSON）”得到的文件。');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== RESULTS_FORMAT) {
    const drill = 'schemaVersion' in record && 'nodes' in record;
    return fail(
      drill
        ? '这是一个演练（情景）文件，不是推演结果文件：请选择学员在复盘页“导出结果（JSON）”得到的文件。'
        : `这不是推演结果文件（/format 应为 "${RESULTS_FORMAT}"）：请选择在复盘页“导出结果（JSON）”得到的文件。`,
    );
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      `/version 应为正整数（本程序写的是 ${RESULTS_VERSION}），实际是 ${JSON.stringify(version) ?? '空缺'}。${REEXPORT}`,
    );
  }
  if (version > RESULTS_VERSION) {
    return fail(
      `这个结果文件的格式版本是 ${version}，比本程序支持的 ${RESULTS_VERSION} 新：请升级程序后再打开，或请学员用同一版本的程序导出。`,
    );
  }
  const result = v.safeParse(ResultsSchema, migrateResults(record, version));
  if (result.success) return { ok: true, file: result.output };
  const problems = shapeProblems(result.issues);
  // Only a file this version wrote has positions to show: a migrated one no longer matches its text.
  const located = version === RESULTS_VERSION ? locate(text) : null;
  const lines = problems.slice(0, MAX_NAMED).map((p) => {
    const where = p.pointer === '' ? '文件' : p.pointer;
    if (!located) return `· ${where}：${p.message}`;
    const at = positionOf(text, located, p.pointer);
    return `· 第 ${at.line} 行第 ${at.column} 列（${where}）：${p.message}`;
  });
  const more = problems.length > MAX_NAMED ? [`· 另有 ${problems.length - MAX_NAMED} 处问题。`] : [];
  return fail([`结果文件有 ${problems.length} 处问题，未能读取：`, ...lines, ...more, REEXPORT].join('\n'));
}
