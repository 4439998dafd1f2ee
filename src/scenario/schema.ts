/**
 * The scenario format: one valibot schema that the TypeScript types and the published
 * JSON Schema (scenarios/schema.json) both come from. Every field carries a description
 * because it becomes the hint an instructor's editor shows while typing.
 */
import * as v from 'valibot';

/** The format version this build reads and writes. Bump it with a named migration step. */
export const SCHEMA_VERSION = 4;

import {
  ComparisonOp,
  Dimension as DimensionSchema,
  Duration,
  doc,
  examples,
  Id,
  lazyByKey,
  lazyByType,
  lazyRef,
  MAX_CHOICES,
  MAX_INJECTS,
  MAX_LIST,
  MAX_NODES,
  MAX_REFERENCES,
  MAX_TIME_WINDOWS,
  MAX_VARIABLES,
  RefIds,
  strictObject,
  Text,
} from './schema-primitives';
import { Measure as MeasureSchema, ScoringRules, WorldSchemaParts } from './world-schema';

export { Duration } from './schema-primitives';

/** Every object of the format may carry a note for authors (schema-primitives `strictObject`). */
type Commented = { $comment?: string };

export type Condition = Commented &
  (
    | { all: Condition[] }
    | { any: Condition[] }
    | { not: Condition }
    | { var: string; op: '==' | '!=' | '<' | '<=' | '>' | '>='; value: number | boolean }
    | { before: string }
    | { after: string }
    | { visited: string }
    | { metric: Metric; region?: string; supply?: string; op: '==' | '!=' | '<' | '<=' | '>' | '>='; value: number }
    | { authorised: string }
    | { requested: string }
  );

export const METRICS = [
  'cases',
  'deaths',
  'infectious',
  'hospitalised',
  'bedsFree',
  'trust',
  'supply',
  'responseLevel',
  'violations',
] as const;
export type Metric = (typeof METRICS)[number];

const CONDITIONS_TOO_MANY = `一个 all / any 里最多 ${MAX_LIST} 个条件：把条件分组，用嵌套的 all / any 写，或删去重复的。`;

const ConditionOptions = {
  all: strictObject({
    all: v.pipe(
      v.array(lazyRef(() => ConditionSchema)),
      v.maxLength(MAX_LIST, CONDITIONS_TOO_MANY),
      doc('全部成立才成立 — true when every condition holds'),
    ),
  }),
  any: strictObject({
    any: v.pipe(
      v.array(lazyRef(() => ConditionSchema)),
      v.maxLength(MAX_LIST, CONDITIONS_TOO_MANY),
      doc('任一成立即成立 — true when any condition holds'),
    ),
  }),
  not: strictObject({
    not: v.pipe(
      lazyRef(() => ConditionSchema),
      doc('取反 — true when the condition does not hold'),
    ),
  }),
  var: strictObject({
    var: v.pipe(Id, doc('要比较的变量 id — the variable to compare'), examples(['rumour', 'reported'])),
    op: ComparisonOp,
    value: v.pipe(
      v.union([v.number(), v.boolean()], 'value 应为数字或 true/false'),
      doc('与之比较的值 — the value to compare with'),
      examples([40, true]),
    ),
  }),
  before: strictObject({
    before: v.pipe(
      Duration,
      doc('游戏时钟早于开局后这一时长 — in-game clock earlier than this long after the start'),
      examples(['24h', '3d']),
    ),
  }),
  after: strictObject({
    after: v.pipe(
      Duration,
      doc('游戏时钟不早于开局后这一时长 — in-game clock at or after this long after the start'),
      examples(['10h', '2d']),
    ),
  }),
  metric: strictObject({
    metric: v.pipe(
      v.picklist(METRICS, `metric 只能是 ${METRICS.join('、')}`),
      doc(
        '世界的一个量：cases 累计感染、deaths 死亡、infectious 现有感染、hospitalised 住院、bedsFree 空余床位、trust 公众信任、supply 物资库存、responseLevel 响应级别（0 为未启动，1 最高）、violations 越权次数 — a quantity of the world',
      ),
    ),
    region: v.optional(
      v.pipe(
        Id,
        doc('地区 id；不写则为全部地区之和（trust 为平均） — region; all regions when left out'),
        examples(['qingshi']),
      ),
    ),
    supply: v.optional(
      v.pipe(Id, doc('metric 为 supply 时的物资 id — the supply, for metric "supply"'), examples(['masks'])),
    ),
    op: ComparisonOp,
    value: v.pipe(v.number(), doc('与之比较的数 — the number to compare with'), examples([400, 6])),
  }),
  authorised: strictObject({
    authorised: v.pipe(
      Id,
      doc(
        '学员此刻可以依法行使这项权力（本就享有、可先行采取或已获授权） — the trainee may lawfully exercise this power now',
      ),
      examples(['emergency-measures']),
    ),
  }),
  visited: strictObject({
    visited: v.pipe(Id, doc('本局已经到过这个节点 — the run has been at this node'), examples(['notify'])),
  }),
  requested: strictObject({
    requested: v.pipe(
      Id,
      doc(
        '学员已经请求行使这项权力，上级还没有答复（批准或不批准）：让一个插入事件在请求之后、按局面给出答复 — a request for this power is waiting for its answer',
      ),
      examples(['emergency-measures']),
    ),
  }),
};

export const AnyCondition = v.union(
  Object.values(ConditionOptions),
  '条件写法不对：应为 {"all":[…]}、{"any":[…]}、{"not":…}、{"var","op","value"}、{"metric","op","value"}、{"before":"2h"}、{"after":"2h"}、{"visited":"节点id"}、{"authorised":"权力id"} 或 {"requested":"权力id"} 之一',
);

export const ConditionSchema: v.GenericSchema<Condition> = v.pipe(
  // Dispatch on the key the author wrote, so a mistake is reported against that one form
  // rather than as "matches none of seven". The JSON Schema export calls this with undefined.
  lazyByKey(ConditionOptions, AnyCondition),
  doc(
    '条件（数据，不是代码） — a condition, as data: all / any / not, a comparison on a variable, the clock, a visited node',
  ),
);

const VarId = v.pipe(Id, doc('变量 id — variable id'), examples(['rumour', 'reported']));

/**
 * What every effect may add: a condition and a chance. Effects apply in order, so `when` sees
 * the ones before it; a chance draws from the run's generator, once for each effect whose `when`
 * holds, so a replay with the same seed draws the same.
 */
const EffectGuards = {
  when: v.optional(
    v.pipe(
      ConditionSchema,
      doc(
        '只有条件成立时这条效果才生效；在这条效果生效的时刻判断，前面的效果已经生效 — applies only when this holds, judged after the effects before it',
      ),
    ),
  ),
  chance: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0, 'chance 是 0 到 1 之间的小数（概率）：60% 写成 0.6'),
      v.maxValue(1, 'chance 是 0 到 1 之间的小数（概率）：60% 写成 0.6'),
      doc(
        "生效的概率，0 到 1 之间：用本局的随机种子抽一次，小于它才生效，同一种子每次结果相同 — the probability the effect applies, drawn from the run's seeded generator",
      ),
      examples([0.6, 0.25]),
    ),
  ),
};

const Effect = v.pipe(
  v.variant(
    'op',
    [
      strictObject({
        op: v.pipe(v.literal('set'), doc('把变量设为一个值 — set a variable')),
        var: VarId,
        value: v.pipe(v.union([v.number(), v.boolean()]), doc('新值 — new value'), examples([true, 0])),
        ...EffectGuards,
      }),
      strictObject({
        op: v.pipe(
          v.literal('add'),
          doc('给数值变量加上一个数（可为负），结果限制在变量范围内 — add to a number, clamped to its range'),
        ),
        var: VarId,
        value: v.pipe(v.number(), doc('加上的数，可为负 — amount, may be negative'), examples([20, -15])),
        ...EffectGuards,
      }),
      strictObject({
        op: v.pipe(
          v.literal('random'),
          doc("用本局的随机种子抽一个整数 — draw an integer from the run's seeded generator"),
        ),
        var: VarId,
        min: v.pipe(
          v.number(),
          v.integer('min 必须是整数'),
          doc('最小值（含） — smallest value, inclusive'),
          examples([0]),
        ),
        max: v.pipe(
          v.number(),
          v.integer('max 必须是整数'),
          doc('最大值（含） — largest value, inclusive'),
          examples([30]),
        ),
        ...EffectGuards,
      }),
    ],
    '效果的 op 只能是 "set"、"add" 或 "random"',
  ),
  doc(
    '效果：改变一个变量；可带条件 when 和概率 chance — an effect that changes a variable, perhaps only when a condition holds or by chance',
  ),
);

const ScoreRule = v.pipe(
  strictObject({
    dimension: DimensionSchema,
    delta: v.pipe(
      v.number(),
      v.integer('分值必须是整数'),
      v.minValue(-100),
      v.maxValue(100),
      doc('加减分，-100 到 100 — points, -100 to 100'),
      examples([10, -15]),
    ),
    reason: Text(200, '理由：用平实的中文说明为什么加分或扣分 — the reason, in plain Chinese', [
      '要求医院两小时内网络直报，没有等待会诊和逐级请示。',
    ]),
    refs: v.optional(RefIds),
  }),
  doc('一条评分：维度、分值、理由和依据 — one score judgement'),
);

import { RETURN } from '../engine/return';

export { RETURN } from '../engine/return';

const Target = v.pipe(
  v.union([Id, v.literal(RETURN)], '去向写成节点 id，或 "$return"（回到插入事件打断之前的去向）'),
  doc('目标节点 id；插入事件打开的节点可写 "$return" 回到原来的去向 — target node id, or "$return"'),
  examples(['measures', RETURN]),
);

const NextBranch = v.pipe(
  strictObject({
    when: v.optional(ConditionSchema),
    to: Target,
  }),
  doc('一条去向：条件成立时去往 to；没有 when 的一条是兜底 — a branch; one without "when" is the fallback'),
);

const NextBranches = v.pipe(
  v.array(NextBranch),
  v.minLength(1, '至少要有一条去向'),
  v.maxLength(MAX_LIST, `去向最多 ${MAX_LIST} 条：用 any / all 合并条件，或把判断拆到几个节点。`),
);

export const AnyNext = v.union(
  [Target, NextBranches],
  'next 写成节点 id 字符串，或 [{"when":…,"to":"id"}, …, {"to":"id"}] 的列表',
);

const Next = v.pipe(
  lazyByType({ string: Target, array: NextBranches }, AnyNext),
  doc(
    '选择之后去哪个节点：一个节点 id，或按顺序判断的条件列表（取第一条成立的） — where the choice leads: a node id, or branches tried in order',
  ),
);

const EFFECTS_TOO_MANY = `效果最多 ${MAX_LIST} 条：把对同一变量的改变合并成一条。`;
const MEASURES_TOO_MANY = `措施最多 ${MAX_LIST} 项：把对同一地区的同类措施合并成一项。`;

const Choice = v.pipe(
  strictObject({
    id: v.pipe(Id, examples(['report_now', 'wait_orders'])),
    label: Text(120, '选项文字，学员看到的决定 — what the trainee sees as the decision', [
      '要求医院立即按“不明原因肺炎”在2小时内网络直报，不等会诊',
    ]),
    when: v.optional(v.pipe(ConditionSchema, doc('只有条件成立时才提供这个选项 — offered only when this holds'))),
    takes: v.pipe(
      Duration,
      doc('这个决定耗费的游戏内时间 — in-game time this decision takes'),
      examples(['40m', '2h', '1.5d']),
    ),
    effects: v.optional(
      v.pipe(
        v.array(Effect),
        v.maxLength(MAX_LIST, EFFECTS_TOO_MANY),
        doc('这个决定带来的变化 — what this decision changes'),
      ),
    ),
    completes: v.optional(
      v.pipe(
        v.array(Id),
        v.maxLength(MAX_LIST, `一个决定最多完成 ${MAX_LIST} 个关键行动：只列这个决定真正完成的。`),
        doc(
          '这个决定完成了哪些关键行动（timeWindows 中的 id），按完成时刻计时效分 — key actions this decision completes, scored against their time windows',
        ),
        examples([['w_report']]),
      ),
    ),
    score: v.optional(
      v.pipe(
        v.array(ScoreRule),
        v.maxLength(MAX_LIST, `一个决定最多 ${MAX_LIST} 条评分：把同一维度、同一理由的评分合并成一条。`),
        doc('这个决定的评分 — authored score judgements'),
      ),
    ),
    world: v.optional(
      v.pipe(
        v.array(MeasureSchema),
        v.maxLength(MAX_LIST, MEASURES_TOO_MANY),
        doc('这个决定对世界采取的措施，在决定完成时生效 — measures taken, in force when the decision is done'),
      ),
    ),
    power: v.optional(
      v.pipe(
        Id,
        doc(
          '这个决定行使的权力（powers 中的 id）；学员无权又未获授权时自动扣依法分 — the power this decision exercises',
        ),
        examples(['emergency-measures']),
      ),
    ),
    reports: v.optional(
      v.pipe(
        v.array(Id),
        v.maxLength(MAX_LIST, `一个决定最多报告 ${MAX_LIST} 项权力的行使：只列这个决定真正报告的。`),
        doc(
          '这个决定向上级报告了哪些权力的行使（powers 中带 report 的 id）：同一决定或此前行使、尚未报告的都算报告了 — the exercises of these powers this decision reports',
        ),
        examples([['emergency-measures']]),
      ),
    ),
    requests: v.optional(
      v.pipe(
        strictObject({
          power: v.pipe(Id, doc('请求授权行使的权力 — the power asked for'), examples(['emergency-measures'])),
          from: v.pipe(
            Id,
            doc(
              '由哪个主体决定：必须是这项权力的享有者（holders 之一），如 2013 年的法律下“报经上一级人民政府决定”的上一级政府；获批后学员行使它就是合法的 — the actor who decides: one of the power’s holders',
            ),
            examples(['lcGov']),
          ),
          via: v.optional(
            v.pipe(
              v.array(Id),
              v.maxLength(MAX_LIST, `最多经过 ${MAX_LIST} 个主体转报：只列真正经手的。`),
              doc(
                '请求途经、转报的主体 id，按顺序（如卫健局经县政府报市政府）；它们不能决定，只是转报 — the actors the request passes through on its way, in order; they pass it on, they do not decide',
              ),
              examples([['qsGov']]),
            ),
          ),
          after: v.optional(
            v.pipe(
              Duration,
              doc(
                '请求后多久得到答复（途经转报的时间也算在内）；不写则没有固定的答复时间，由写了 decides 的插入事件答复，或者始终没有答复 — how long until the answer comes; left out, only an inject that decides answers, or none does',
              ),
              examples(['8h', '2d']),
            ),
          ),
          when: v.optional(
            v.pipe(
              ConditionSchema,
              doc(
                '请求时这个条件成立，到 after 时批准；不成立，到 after 时答复不批准。不写则总会批准 — granted at `after` if this holds when asked; refused then if it does not',
              ),
            ),
          ),
        }),
        doc(
          '请求上级决定或授权：请求耗费时间，答复可能晚到、不批准或始终没有。学员在态势栏看到请求和答复；获批之前行使这项权力仍是越权 — asking the level above to decide: the answer may come late, be a refusal, or never come',
        ),
      ),
    ),
    needs: v.optional(
      v.pipe(
        strictObject({
          when: v.pipe(ConditionSchema, doc('采取这项措施所需的事态 — the situation the measure needs')),
          refs: v.optional(RefIds),
        }),
        doc(
          '比例原则：事态未达到 when 时采取，自动按“措施与事态不相适应”扣依法分 — proportionality: taken while this does not hold, it is scored as disproportionate',
        ),
      ),
    ),
    feedback: Text(
      600,
      '决定之后学员看到的后果与点评；占位符 {{time}}、{{var:变量id}} 等按决定做完的时刻替换 — the consequence and comment shown after the decision; placeholders are filled when it is done',
      ['直报在40分钟后完成。法律要求的是两小时内报告，不是“定了性再报”。', '{{clock}}，直报完成。'],
    ),
    next: Next,
    timeoutOnly: v.optional(
      v.pipe(
        v.boolean(),
        doc('只在超时时自动采取，不显示为选项 — taken only when time runs out, never shown as a choice'),
        examples([true]),
      ),
    ),
  }),
  doc('一个选项 — one choice'),
);

const NodeId = v.pipe(Id, examples(['report', 'measures']));

const DecisionNode = strictObject({
  id: NodeId,
  kind: v.pipe(v.literal('decision'), doc('决策节点 — a decision point')),
  title: Text(40, '节点标题 — title', ['早上七点半的电话']),
  text: Text(
    1200,
    '情况说明：此刻学员面对的局面。可以写占位符 {{time}}（走到这里时的日期和时间）、{{date}}、{{clock}}、{{day}}（第几天）、{{var:变量id}}（变量此刻的值） — the situation the trainee faces; placeholders are filled when the node is met',
    [
      '市三院的医生打来电话：一周内收治了5名不明原因肺炎患者。你需要马上表态。',
      '{{time}}，谣言热度已到 {{var:rumour}}。',
    ],
  ),
  at: v.optional(
    v.pipe(
      Duration,
      doc(
        '这个局面最早出现在开局后多久：走到这里时还没到这一刻，时钟推进到这一刻，世界照常演变，到时的插入事件照常发生 — the situation is met no earlier than this long after the start; arriving earlier, the clock runs on to it',
      ),
      examples(['3d', '7d']),
    ),
  ),
  timeLimitSec: v.optional(
    v.pipe(
      v.number(),
      v.integer('timeLimitSec 必须是整数秒'),
      v.minValue(5, '限时至少 5 秒'),
      v.maxValue(3600, '限时最多 3600 秒'),
      doc('真实时间限时（秒）；到时自动采取 timeoutChoice — real-time limit in seconds'),
      examples([60, 90]),
    ),
  ),
  timeoutChoice: v.optional(
    v.pipe(
      Id,
      doc('限时用完时自动采取的选项 id，通常是“等待上级指示” — the choice taken when time runs out'),
      examples(['wait_orders']),
    ),
  ),
  choices: v.pipe(
    v.array(Choice),
    v.minLength(1, '决策节点至少要有一个选项：在 choices 里写上学员可以作出的决定（至少一个）。'),
    v.maxLength(MAX_CHOICES, `一个决策节点最多 ${MAX_CHOICES} 个选项：合并相近的选项，或把决定拆到几个节点。`),
    doc('选项 — the choices'),
  ),
});

const EndingNode = strictObject({
  id: v.pipe(Id, examples(['end_good', 'end_bad'])),
  kind: v.pipe(v.literal('ending'), doc('结局节点 — an ending')),
  title: Text(40, '结局标题 — title', ['萌芽之中', '贻误战机']),
  text: Text(1200, '结局说明；占位符按推演结束的时刻替换 — what came of it; placeholders are filled at the end', [
    '疫情被控制在城西的几个街区之内。',
  ]),
  tone: v.optional(
    v.pipe(
      v.picklist(['good', 'mixed', 'bad'], 'tone 只能是 good、mixed 或 bad'),
      doc('结局基调 — tone: good, mixed or bad'),
    ),
  ),
  details: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          strictObject({
            when: v.pipe(
              lazyRef(() => ConditionSchema),
              doc('结束时这个条件成立才显示 — shown when this holds at the end'),
            ),
            text: Text(600, '这一段文字：写明学员在这一局里做了什么、付出了什么 — the paragraph', [
              '你在第一时间让医院直报，没有等会诊定性。',
            ]),
          }),
          doc('按本局经过显示的一段结局文字 — a paragraph of the ending shown when its condition holds'),
        ),
      ),
      v.maxLength(MAX_LIST, `结局的段落最多 ${MAX_LIST} 段：合并相近的段落。`),
      doc(
        '按本局经过追加的段落，依次判断，成立的都显示在 text 之后：让结局说出这位学员做了什么 — paragraphs added after the text when their conditions hold at the end',
      ),
    ),
  ),
});

const Node = v.pipe(
  v.variant('kind', [DecisionNode, EndingNode], '节点的 kind 只能是 "decision" 或 "ending"'),
  doc('节点：决策点或结局 — a node: a decision point or an ending'),
);

const Visible = v.optional(
  v.pipe(v.boolean(), doc('在状态面板上显示给学员 — shown on the status panel'), examples([true, false])),
);

const Variable = v.pipe(
  v.variant(
    'type',
    [
      strictObject({
        id: v.pipe(Id, examples(['rumour'])),
        type: v.pipe(v.literal('number'), doc('数值变量 — a number')),
        label: Text(20, '显示名称 — label', ['谣言热度']),
        min: v.pipe(v.number(), doc('最小值 — smallest value'), examples([0])),
        max: v.pipe(v.number(), doc('最大值 — largest value'), examples([100])),
        initial: v.pipe(v.number(), doc('初始值 — initial value'), examples([10])),
        unit: v.optional(v.pipe(v.string(), v.maxLength(8), doc('单位，如 "人"、"%" — unit'), examples(['人', '%']))),
        visible: Visible,
      }),
      strictObject({
        id: v.pipe(Id, examples(['reported'])),
        type: v.pipe(v.literal('boolean'), doc('是/否变量 — a yes/no flag')),
        label: Text(20, '显示名称 — label', ['已网络直报']),
        initial: v.pipe(v.boolean(), doc('初始值 — initial value'), examples([false])),
        visible: Visible,
      }),
    ],
    '变量的 type 只能是 "number" 或 "boolean"',
  ),
  doc('变量：类型、范围和初始值 — a variable with type, range and initial value'),
);

const Reference = v.pipe(
  v.variant(
    'kind',
    [
      strictObject({
        id: v.pipe(Id, examples(['z45b'])),
        kind: v.pipe(v.literal('law'), doc('法律法规条文 — a law article')),
        law: Text(60, "法律名称，如《中华人民共和国传染病防治法》 — the law's name", [
          '《中华人民共和国传染病防治法》',
          '《中华人民共和国突发事件应对法》',
        ]),
        version: Text(40, '版本，如 "2025年修订" — the text\'s version', [
          '2025年4月30日修订，2025年9月1日起施行',
          '2024年修订',
        ]),
        article: Text(20, '条款，如 "第四十五条第一款" — article', ['第四十五条第二款', '第六十三条第一款']),
        quote: Text(2000, '原文，逐字引用 — the article, quoted verbatim', [
          '对单位和个人的报告，经调查不属于突发公共卫生事件的，报告的单位和个人不承担法律责任。',
        ]),
      }),
      strictObject({
        id: v.pipe(Id, examples(['k_dengdai'])),
        kind: v.pipe(v.literal('lecture'), doc('讲稿段落 — a lecture passage')),
        title: Text(60, '出处，如 "党课讲稿·疫情预警机制不灵敏" — where it is from', ['党课讲稿·危机应对能力明显不足']),
        quote: Text(2000, '原文，逐字引用 — the passage, quoted verbatim', ['预案要进行预演,预演要“真刀真枪”。']),
      }),
    ],
    '依据的 kind 只能是 "law" 或 "lecture"',
  ),
  doc('依据：法律条文或讲稿段落 — a reference: a law article or a lecture passage'),
);

const TimeWindow = v.pipe(
  strictObject({
    id: v.pipe(Id, examples(['w_report'])),
    label: Text(40, '关键行动的名称，如“向疾控机构报告” — the key action', ['不明原因肺炎网络直报']),
    ideal: v.pipe(
      Duration,
      doc('理想时限：开局后多久之内完成得满分 — ideal: full credit when done within this long after the start'),
      examples(['2h']),
    ),
    latest: v.pipe(Duration, doc('最迟时限：超过即扣满 penalty — latest: full penalty after this'), examples(['24h'])),
    credit: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(0),
        v.maxValue(100),
        doc('理想时限内完成的加分，默认 10 — points when done by ideal, default 10'),
        examples([10]),
      ),
    ),
    penalty: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(0),
        v.maxValue(100),
        doc('超过最迟时限或始终未做的扣分，默认 20 — points lost when late or never done, default 20'),
        examples([20]),
      ),
    ),
    refs: v.optional(RefIds),
  }),
  doc('关键行动的时间窗：越晚完成时效分越低 — a time window for a key action: later costs more'),
);

const Inject = v.pipe(
  strictObject({
    id: v.pipe(Id, examples(['county_decides'])),
    title: Text(40, '事件标题，显示在时间线上 — title, shown on the timeline', ['南屏发往北溪的口罩途经云湾']),
    text: Text(1200, '事件说明；占位符按事件发生的时刻替换 — what happens; placeholders are filled when it fires', [
      '南屏市一家企业发往北溪市的20万只医用防护口罩装车出发，车队将沿高速途经云湾。',
    ]),
    at: v.optional(v.pipe(Duration, doc('开局后多久发生 — when it happens, after the start'), examples(['10h', '2d']))),
    when: v.optional(
      v.pipe(ConditionSchema, doc('条件成立时发生（与 at 同写则两者都满足才发生） — happens once this holds')),
    ),
    effects: v.optional(
      v.pipe(v.array(Effect), v.maxLength(MAX_LIST, EFFECTS_TOO_MANY), doc('对变量的改变 — changes to variables')),
    ),
    world: v.optional(
      v.pipe(
        v.array(MeasureSchema),
        v.maxLength(MAX_LIST, MEASURES_TOO_MANY),
        doc('对世界的改变 — changes to the world'),
      ),
    ),
    opens: v.optional(
      v.pipe(
        Id,
        doc('打开一个决策节点，打断原来的去向；该节点的选项可用 "$return" 回到原去向 — a decision node it opens'),
        examples(['market']),
      ),
    ),
    decides: v.optional(
      v.pipe(
        strictObject({
          power: v.pipe(
            Id,
            doc('答复对哪项权力的请求 — the power whose request it answers'),
            examples(['emergency-measures']),
          ),
          granted: v.pipe(
            v.boolean(),
            doc('true 批准，false 不批准 — true grants, false refuses'),
            examples([true, false]),
          ),
        }),
        doc(
          '上级答复学员对这项权力的、尚未答复的请求：批准或不批准，就在事件发生的时刻。常与条件 {"requested": 权力id} 合写，等学员请求之后才发生 — the level above answers a waiting request for this power, at the moment the inject fires',
        ),
      ),
    ),
  }),
  doc('插入事件：到时或条件成立时发生，只发生一次 — an inject: fires once, at a time or when a condition holds'),
);

export const ScenarioSchema = v.pipe(
  strictObject({
    $schema: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(500, '$schema 的地址不能超过 500 个字符：写 "./schema.json" 即可。'),
        doc('JSON Schema 地址，让编辑器补全和检查 — the JSON Schema, for editor completion'),
        examples(['./schema.json']),
      ),
    ),
    schemaVersion: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      doc(`格式版本，目前是 ${SCHEMA_VERSION} — the format version, currently ${SCHEMA_VERSION}`),
      examples([SCHEMA_VERSION]),
    ),
    id: v.pipe(Id, examples(['early-warning'])),
    title: Text(40, '演练名称 — title', ['不明原因肺炎的早期预警']),
    summary: Text(200, '一两句话的简介，显示在演练库中 — a one- or two-sentence summary for the library', [
      '一位医生报告了一组不明原因肺炎病例。你要决定怎么报、怎么核实、谁来发预警。',
    ]),
    role: Text(60, "学员扮演的角色，如“滨江市卫生健康委员会主任” — the trainee's role", ['云湾市卫生健康委员会主任']),
    estimatedMinutes: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(240),
      doc('预计用时（分钟） — estimated minutes'),
      examples([25]),
    ),
    legalFramework: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(2000),
      v.maxValue(2100),
      doc(
        '演练所依据的法律年份：如 2025 表示适用 2025 年修订的传染病防治法 — the year whose law texts the drill is set under',
      ),
      examples([2025, 2013]),
    ),
    briefing: Text(2000, "开局情况介绍：背景、学员的职责 — the situation at the start and the trainee's duties", [
      '云湾市是东岭省的一个地级市，常住人口约420万。你是云湾市卫生健康委员会主任。',
    ]),
    instructorNotes: v.optional(
      Text(
        4000,
        '给教员的说明：学员为什么扮演这个角色，最好的、等待的、最差的几条路线各教什么，复盘时可以问什么。学员推演时看不到，教员在班级复盘和编写视图里看 — notes for instructors: why this role, what each line teaches; trainees never see them',
        ['最好的一条线教的是：权力在手要用，用了要报，对的事都有代价。等待的一条线每一步都不违法，却处处晚一步。'],
      ),
    ),
    clockStart: v.pipe(
      v.string(),
      v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '开局时间写成 "2026-01-08T08:00"'),
      doc('开局的游戏内日期时间，如 "2026-01-08T08:00" — in-game date-time at the start'),
      examples(['2026-01-12T07:30']),
    ),
    start: v.pipe(Id, doc('开局节点 id — the starting node'), examples(['report'])),
    scoring: v.optional(
      v.pipe(
        strictObject({
          base: v.optional(
            v.pipe(
              v.number(),
              v.integer(),
              v.minValue(0),
              v.maxValue(100),
              doc('每个维度的起评分，默认 60 — starting score per dimension, default 60'),
              examples([60]),
            ),
          ),
          timeoutPenalty: v.optional(
            v.pipe(
              v.number(),
              v.integer(),
              v.minValue(0),
              v.maxValue(100),
              doc('每次超时扣的时效分，默认 5 — timeliness points lost per timeout, default 5'),
              examples([5]),
            ),
          ),
          timeoutRefs: v.optional(
            v.pipe(RefIds, doc('超时扣分的依据，如讲稿中“等待上级指示”一段 — references for the timeout penalty')),
          ),
          rules: v.optional(ScoringRules),
        }),
        doc('评分设置 — scoring settings'),
      ),
    ),
    ...WorldSchemaParts,
    injects: v.optional(
      v.pipe(
        v.array(Inject),
        v.maxLength(MAX_INJECTS, `插入事件不能超过 ${MAX_INJECTS} 个：合并同时发生的事件，或删去不用的。`),
        doc('插入事件 — injects'),
      ),
    ),
    variables: v.optional(
      v.pipe(
        v.array(Variable),
        v.maxLength(MAX_VARIABLES, `变量不能超过 ${MAX_VARIABLES} 个：删去不用的变量，或合并相近的。`),
        doc('变量 — variables'),
      ),
    ),
    references: v.optional(
      v.pipe(
        v.array(Reference),
        v.maxLength(MAX_REFERENCES, `依据不能超过 ${MAX_REFERENCES} 条：删去没有被引用的依据。`),
        doc('依据：讲稿段落与法律条文 — references'),
      ),
    ),
    timeWindows: v.optional(
      v.pipe(
        v.array(TimeWindow),
        v.maxLength(MAX_TIME_WINDOWS, `关键行动的时间窗不能超过 ${MAX_TIME_WINDOWS} 个：只留评分真正要看的关键行动。`),
        doc('关键行动的时间窗 — time windows for key actions'),
      ),
    ),
    nodes: v.pipe(
      v.array(Node),
      v.minLength(1, '至少要有一个节点'),
      v.maxLength(MAX_NODES, `节点不能超过 ${MAX_NODES} 个：把情景拆成几个演练，或检查文件是否由程序错误生成。`),
      doc('节点：决策点与结局 — nodes: decision points and endings'),
    ),
  }),
  doc('一个桌面推演情景 — a tabletop-exercise drill'),
);

export type Scenario = v.InferOutput<typeof ScenarioSchema>;
export type ScenarioNode = Scenario['nodes'][number];
export type DecisionNode = Extract<ScenarioNode, { kind: 'decision' }>;
export type EndingNode = Extract<ScenarioNode, { kind: 'ending' }>;
export type Choice = DecisionNode['choices'][number];
export type Effect = NonNullable<Choice['effects']>[number];
export type ScoreRule = NonNullable<Choice['score']>[number];
export type Variable = NonNullable<Scenario['variables']>[number];
export type Reference = NonNullable<Scenario['references']>[number];
export type TimeWindow = NonNullable<Scenario['timeWindows']>[number];
export type Dimension = ScoreRule['dimension'];
export type Next = Choice['next'];
export type Measure = NonNullable<Choice['world']>[number];
export type Inject = NonNullable<Scenario['injects']>[number];
export type Region = NonNullable<Scenario['regions']>[number];
export type Power = NonNullable<Scenario['powers']>[number];
/** The model's parameters (an author's `$comment` beside them is not one). */
export type EpidemicParams = Omit<NonNullable<NonNullable<Scenario['epidemic']>['params']>, '$comment'>;
export type ScoringRuleName = keyof NonNullable<NonNullable<Scenario['scoring']>['rules']>;
