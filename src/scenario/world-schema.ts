/**
 * The world a drill may declare: regions with an epidemic, supplies, actors and their powers,
 * and the measures that change it. All optional: a flood or a chemical-leak drill leaves them out.
 */
import * as v from 'valibot';
import {
  Duration,
  doc,
  examples,
  Id,
  MAX_ACTORS,
  MAX_LIST,
  MAX_POWERS,
  MAX_REGIONS,
  MAX_SUPPLIES,
  MAX_TRAVEL,
  RefIds,
  strictObject,
  Text,
} from './schema-primitives';

const Count = (what: string, samples: readonly number[]) =>
  v.pipe(v.number(), v.integer('必须是整数'), v.minValue(0, '不能为负数'), doc(what), examples(samples));
const Share = (what: string, samples: readonly number[], max = 1) =>
  v.pipe(v.number(), v.minValue(0, '不能小于 0'), v.maxValue(max, `不能大于 ${max}`), doc(what), examples(samples));
/** A region id, with examples. */
const RegionId = (what: string) => v.pipe(Id, doc(what), examples(['qingshi', 'hekou']));
/** A list of regions can name each region at most once. */
const REGIONS_TOO_MANY = `最多列 ${MAX_REGIONS} 个地区（地区总数的上限）：删去重复的。`;

export const Supply = v.pipe(
  strictObject({
    id: v.pipe(Id, examples(['masks', 'gowns'])),
    name: Text(20, '物资名称，如“医用防护口罩” — name', ['医用防护口罩', '医用防护服']),
    unit: Text(8, '计量单位，如“万只” — unit', ['万只', '套']),
  }),
  doc('一种物资 — a named supply'),
);

export const Region = v.pipe(
  strictObject({
    id: v.pipe(Id, examples(['qingshi', 'hekou'])),
    name: Text(20, '地区名称，如“云湾市” — name', ['云湾市', '北溪市']),
    population: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1, '人口至少为 1'),
      doc('常住人口 — population'),
      examples([4200000, 3100000]),
    ),
    neighbours: v.optional(
      v.pipe(
        v.array(Id),
        v.maxLength(MAX_REGIONS, REGIONS_TOO_MANY),
        doc('相邻地区的 id — ids of neighbouring regions'),
        examples([['hekou']]),
      ),
    ),
    beds: Count('可用于收治的床位数 — hospital beds available for these patients', [120, 80]),
    supplies: v.optional(
      v.pipe(
        v.record(Id, v.pipe(v.number(), v.minValue(0))),
        doc('物资库存：物资 id → 数量 — supply stocks: supply id → amount'),
        examples([{ masks: 6, gowns: 9000 }]),
      ),
    ),
    trust: Share('公众信任，0–100 — public trust, 0–100', [60, 70], 100),
  }),
  doc('一个地区：人口、床位、物资、公众信任 — a region'),
);

export const Travel = v.pipe(
  strictObject({
    between: v.pipe(v.tuple([Id, Id]), doc('两个地区的 id — the two regions'), examples([['qingshi', 'hekou']])),
    perDay: v.pipe(
      v.number(),
      v.minValue(0),
      doc('每天往来的人数（单向） — people travelling each way per day'),
      examples([60000, 20000]),
    ),
  }),
  doc('两地之间的日常往来 — daily travel between two regions'),
);

export const EpidemicParams = v.pipe(
  strictObject({
    r0: v.optional(
      v.pipe(
        v.number(),
        v.minValue(0),
        v.maxValue(20),
        doc('基本再生数，默认 2.2 — basic reproduction number'),
        examples([2.5, 2.2]),
      ),
    ),
    incubationDays: v.optional(
      v.pipe(
        v.number(),
        v.minValue(0.5),
        v.maxValue(30),
        doc('平均潜伏期（天），默认 5.2 — mean incubation period, days'),
        examples([5.2]),
      ),
    ),
    infectiousDays: v.optional(
      v.pipe(
        v.number(),
        v.minValue(0.5),
        v.maxValue(30),
        doc('平均传染期（天），默认 5 — mean infectious period, days'),
        examples([5]),
      ),
    ),
    hospitalisedShare: v.optional(
      Share(
        '全部感染者（不只是确诊病例）中需住院的比例，默认 0.029 — share of all infections, not of confirmed cases, that need a hospital bed',
        [0.029],
      ),
    ),
    hospitalDays: v.optional(
      v.pipe(
        v.number(),
        v.minValue(1),
        v.maxValue(60),
        doc('平均住院天数，默认 12 — mean stay in hospital, days'),
        examples([12]),
      ),
    ),
    hospitalDeathShare: v.optional(
      Share('有床位的住院者中死亡的比例，默认 0.17 — share of bedded patients who die', [0.17]),
    ),
    overflowDeathFactor: v.optional(
      v.pipe(
        v.number(),
        v.minValue(1),
        v.maxValue(10),
        doc('没有床位时死亡比例放大的倍数，默认 2 — how much the death share grows without a bed'),
        examples([2]),
      ),
    ),
  }),
  doc('传染病模型参数；不写则用默认值（出处见 docs/epidemic.md） — epidemic parameters; defaults in docs/epidemic.md'),
);

export const Epidemic = v.pipe(
  strictObject({
    params: v.optional(EpidemicParams),
    initial: v.pipe(
      v.array(
        strictObject({
          region: RegionId('地区 id — region'),
          exposed: v.optional(Count('潜伏期感染者 — exposed', [50])),
          infectious: v.optional(Count('有传染性的感染者 — infectious', [20])),
          hospitalised: v.optional(Count('住院者 — in hospital', [6])),
          recovered: v.optional(Count('已康复 — recovered', [0])),
          dead: v.optional(Count('已死亡 — dead', [0])),
        }),
      ),
      v.maxLength(MAX_REGIONS, REGIONS_TOO_MANY),
      doc('开局时各地区的感染情况；其余人口为易感者 — the infection at the start; the rest are susceptible'),
    ),
  }),
  doc(
    '传染病：每个地区一个“易感—潜伏—传染—住院—康复—死亡”模型，按两地往来耦合，随游戏时钟推进 — an epidemic: one compartment model per region, coupled by travel',
  ),
);

export const Actor = v.pipe(
  strictObject({
    id: v.pipe(Id, examples(['qsGov', 'qsWJJ'])),
    name: Text(30, '主体名称，如“云湾市人民政府” — name', ['云湾市人民政府', '云湾市卫生健康委员会']),
  }),
  doc('一个主体：政府、部门或机构 — an actor: a government, department or agency'),
);

const ActorIds = (what: string) =>
  v.pipe(
    v.array(Id),
    v.maxLength(MAX_LIST, `最多列 ${MAX_LIST} 个主体：删去重复的。`),
    doc(what),
    examples([['qsGov'], ['qsGov', 'lcGov']]),
  );

export const Power = v.pipe(
  strictObject({
    id: v.pipe(Id, examples(['emergency-measures'])),
    name: Text(40, '权力名称，如“发布传染病预警” — name', [
      '决定向社会发布传染病预警',
      '采取紧急措施（限制聚集、停工停业停课）',
    ]),
    holders: ActorIds(
      '依法享有这项权力的主体 id（法律写明的机关：政府，而不是它的部门，除非条文写的是部门）。可以为空 []：演练里没有谁能行使它（如封锁须省政府或国务院决定，而它们不在演练中），谁行使都按越权计，也没有谁能授权 — the actors who hold it; may be empty: no one in the drill may exercise or grant it',
    ),
    report: v.optional(
      v.pipe(
        strictObject({
          to: v.pipe(
            Id,
            doc('学员所代表的主体行使后须向其报告的主体 id（通常是上一级人民政府） — the actor to report to'),
            examples(['lcGov']),
          ),
          within: v.pipe(
            Duration,
            doc(
              '行使后多久之内必须报告；"0m" 表示必须在同一个决定里报告（“同时报告”） — how soon after exercising it the report is due; "0m": in the same decision',
            ),
            examples(['0m', '12h']),
          ),
          refs: v.optional(
            v.pipe(RefIds, doc('报告义务的依据；不写则用 basis — the basis of the duty; basis when left out')),
          ),
        }),
        doc(
          '行使这项权力时随之而来的报告义务：学员以享有者身份行使后，须在 within 之内用写了 reports 的选项报告，否则自动扣依法分（如传染病防治法 2025 第六十三条“同时向上一级人民政府报告”） — the duty to report that comes with the power',
        ),
      ),
    ),
    basis: v.pipe(RefIds, doc('法律依据：references 中的 id — the legal basis')),
    from: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        doc('这样规定自哪一年的法律起适用（含），与 legalFramework 比较 — in force from this law year, inclusive'),
        examples([2025]),
      ),
    ),
    until: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        doc('适用到哪一年的法律之前（不含）；同一权力可按年份写几条 — in force until this law year, exclusive'),
        examples([2025]),
      ),
    ),
  }),
  doc(
    '一项权力及其法律依据；选项用 power 字段表示行使它。法律修订改变了谁有权时，同一 id 按 from/until 写几条，演练的 legalFramework 决定用哪一条 — a power and its legal basis; one entry per law year range',
  ),
);

const region = RegionId('地区 id — region');
const ShipmentId = (what: string) => v.pipe(Id, doc(what), examples(['np-masks']));
const SupplyId = v.pipe(Id, doc('物资 id — supply'), examples(['masks']));

const MeasureOptions = [
  strictObject({
    type: v.pipe(v.literal('contact'), doc('社会接触：1 为正常，0.5 为减半 — contacts: 1 normal, 0.5 halved')),
    region,
    factor: Share('接触系数 0–1 — contact factor, 0–1', [0.85, 0.5]),
  }),
  strictObject({
    type: v.pipe(v.literal('travel'), doc('两地往来：1 为正常，0 为断绝 — travel between two regions')),
    between: v.pipe(v.tuple([Id, Id]), doc('两个地区的 id — the two regions'), examples([['qingshi', 'hekou']])),
    factor: Share('往来系数 0–1 — travel factor, 0–1', [0.75]),
  }),
  strictObject({
    type: v.pipe(v.literal('isolation'), doc('发现并隔离感染者 — detection and isolation')),
    region,
    share: Share(
      '被发现并隔离、不再传播的感染者比例，0–0.95 — share of the infectious found and isolated',
      [0.25, 0.5],
      0.95,
    ),
  }),
  strictObject({
    type: v.pipe(v.literal('beds'), doc('增加床位，经过一段时间后可用 — add beds, ready after a delay')),
    region,
    add: Count('增加的床位数 — beds added', [60, 300]),
    after: v.pipe(Duration, doc('多久后可用 — ready after'), examples(['12h', '3d'])),
  }),
  strictObject({
    type: v.pipe(v.literal('supply'), doc('改变某地某种物资的库存 — change a supply stock')),
    region,
    supply: SupplyId,
    add: v.pipe(v.number(), doc('增减数量 — amount, may be negative'), examples([10, -2])),
  }),
  strictObject({
    type: v.pipe(v.literal('ship'), doc('发出一批物资，途中可能被截留 — send a shipment')),
    id: ShipmentId('这批物资的 id，供截留或放行引用 — shipment id'),
    supply: SupplyId,
    amount: v.pipe(v.number(), v.minValue(0), doc('数量 — amount'), examples([20, 2000])),
    from: v.pipe(Id, doc('发出地区 — from region'), examples(['hekou'])),
    to: v.pipe(Id, doc('目的地区 — to region'), examples(['qingshi'])),
    via: v.optional(
      v.pipe(
        v.array(Id),
        v.maxLength(MAX_REGIONS, REGIONS_TOO_MANY),
        doc(
          '途经的地区 id，按先后顺序，不含 from 和 to。“途经”指运输途中要穿过这个地区的辖区：只有 from 和途经的地区能截留或放行这批物资；不写则直达，途中不经过任何地区 — the regions the shipment passes through between from and to, in order: it crosses their territory, so only from and these regions may intercept or let it through; left out, it goes direct',
        ),
        examples([['yunwan'], ['yunwan', 'beixi']]),
      ),
    ),
    takes: v.pipe(Duration, doc('在途时间 — time in transit'), examples(['1d', '6h'])),
  }),
  strictObject({
    type: v.pipe(
      v.literal('intercept'),
      doc('截留途经本地的一批物资，归截留的地区使用 — intercept a shipment passing through'),
    ),
    shipment: ShipmentId('物资批次 id — shipment id'),
    by: v.optional(
      RegionId(
        '截留的地区，只用于插入事件（选项总是以学员所在地区的名义）；必须是这批物资的 from 或途经（via）的地区 — the region that intercepts, in an inject only; must be on the route',
      ),
    ),
  }),
  strictObject({
    type: v.pipe(v.literal('release'), doc('放行途经本地的一批物资 — let a shipment through')),
    shipment: ShipmentId('物资批次 id — shipment id'),
    by: v.optional(
      RegionId(
        '放行的地区，只用于插入事件；必须在路线上。插入事件不写 by 表示上级统一放行：路线上的地区都不能再截留 — the region that lets it through, in an inject only; without it, cleared along the whole route',
      ),
    ),
  }),
  strictObject({
    type: v.pipe(v.literal('notify'), doc('向其他地区通报疫情信息 — share information with other regions')),
    regions: v.pipe(
      v.array(Id),
      v.maxLength(MAX_REGIONS, REGIONS_TOO_MANY),
      doc('通报的地区 id — regions informed'),
      examples([['hekou']]),
    ),
  }),
  strictObject({
    type: v.pipe(v.literal('roads'), doc('关闭或恢复本地与另一地区之间的道路 — close or reopen roads')),
    region: RegionId('另一地区 id — the other region'),
    open: v.pipe(v.boolean(), doc('true 恢复通行，false 关闭 — true reopens, false closes'), examples([false, true])),
    from: v.optional(RegionId('关闭道路的地区，默认是学员所在地区 — who closes them; default the role region')),
  }),
  strictObject({
    type: v.pipe(
      v.literal('road'),
      doc(
        '关闭或恢复两地之间的一条具体道路（如一条乡道），只切断它承担的那部分往来 — close or reopen one named road between two regions',
      ),
    ),
    name: Text(30, '道路名称，在同两地之间唯一 — the road’s name', ['乡道X203（石桥村段）', '县道Y012']),
    between: v.pipe(
      v.tuple([Id, Id]),
      doc('道路连接的两个地区，两地之间须有 travel（往来） — the two regions it joins; a declared travel link'),
      examples([['qingshi', 'hekou']]),
    ),
    share: Share(
      '这条道路承担两地往来的比例，大于 0、至多 1；关闭几条道路时比例相加，至多断绝全部往来 — the share of the link’s travel it carries; several closed roads add up, at most the whole link',
      [0.1, 0.3],
    ),
    open: v.pipe(v.boolean(), doc('true 恢复通行，false 关闭 — true reopens, false closes'), examples([false, true])),
  }),
  strictObject({
    type: v.pipe(v.literal('level'), doc('启动应急响应 — declare a response level')),
    level: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(4),
      doc('响应级别，1 最高、4 最低 — level: 1 highest, 4 lowest'),
      examples([3, 1]),
    ),
  }),
  strictObject({
    type: v.pipe(v.literal('policy'), doc('上级的防控要求（接触系数），用于判断层层加码 — the higher level’s policy')),
    contact: Share('上级要求的接触系数 — contact factor the higher level asks for', [0.8]),
  }),
  strictObject({
    type: v.pipe(v.literal('trust'), doc('改变某地公众信任 — change public trust')),
    region,
    add: v.pipe(v.number(), doc('增减，结果限制在 0–100 — amount, result kept within 0–100'), examples([6, -10])),
  }),
];

export const Measure = v.pipe(
  v.variant(
    'type',
    MeasureOptions,
    '措施的 type 只能是 contact、travel、isolation、beds、supply、ship、intercept、release、notify、roads、road、level、policy 或 trust',
  ),
  doc('作用于世界的一项措施 — a measure that changes the world'),
);

const RuleWeight = (what: string, samples: readonly number[]) =>
  v.optional(
    v.pipe(
      strictObject({
        delta: v.optional(
          v.pipe(v.number(), v.integer(), v.minValue(-100), v.maxValue(100), doc('分值 — points'), examples(samples)),
        ),
        refs: v.optional(RefIds),
      }),
      doc(what),
    ),
  );

/**
 * The one object without "$comment": its keys are the rule names (`ScoringRuleName`), which the
 * engine and lint iterate. A comment about the rules goes on `scoring` or on a rule.
 */
export const ScoringRules = v.pipe(
  v.strictObject({
    unlawfulPower: RuleWeight('越权行使权力，默认 −15 依法分 — exercising a power one lacks, default −15', [-15, -20]),
    disproportionate: RuleWeight(
      '措施与事态不相适应，默认 −10 依法分 — a measure beyond what the situation needs',
      [-10],
    ),
    notify: RuleWeight('向一个地区通报信息，默认 +3 协同分 — informing a region, default +3', [3]),
    withhold: RuleWeight('结束时仍未通报的相邻地区，每个默认 −6 协同分 — a neighbour never informed, default −6', [-6]),
    send: RuleWeight('向其他地区调出物资，默认 +4 协同分 — sending supplies, default +4', [4]),
    letThrough: RuleWeight('放行途经的物资，默认 +3 协同分 — letting a shipment through, default +3', [3]),
    intercept: RuleWeight('截留途经的物资，默认 −15 协同分 — intercepting a shipment, default −15', [-15]),
    closeRoad: RuleWeight(
      '关闭通往其他地区的道路，默认 −10 协同分；关闭一条具体道路（road）按它承担的往来比例折算，至少 1 分 — closing roads to a region, default −10; a named road by its share, at least 1 point',
      [-10],
    ),
    escalate: RuleWeight(
      '比上级要求更严（层层加码），默认 −8 协同分 — stricter than the higher level, default −8',
      [-8],
    ),
    align: RuleWeight('与上级要求一致，默认 +2 协同分 — aligned with the higher level, default +2', [2]),
    unreported: RuleWeight(
      '行使负有报告义务的权力后没有按时报告，默认 −10 依法分 — a power exercised and not reported in time, default −10',
      [-10],
    ),
    outcome: RuleWeight(
      '与“措施即刻采取”相比多出的感染所扣的最高时效分，默认 30 — most timeliness points lost to delay, default 30',
      [30],
    ),
  }),
  doc('自动评分规则的分值与依据；不写用默认值 — weights and references of the automatic scoring rules'),
);

/** The top-level fields the world adds to a scenario. */
export const WorldSchemaParts = {
  supplies: v.optional(
    v.pipe(
      v.array(Supply),
      v.maxLength(MAX_SUPPLIES, `物资种类不能超过 ${MAX_SUPPLIES} 种：合并相近的物资。`),
      doc('物资种类 — supplies'),
    ),
  ),
  regions: v.optional(
    v.pipe(
      v.array(Region),
      v.maxLength(MAX_REGIONS, `地区不能超过 ${MAX_REGIONS} 个：合并相邻的小地区，或只留与演练有关的地区。`),
      doc('地区 — regions'),
    ),
  ),
  travel: v.optional(
    v.pipe(
      v.array(Travel),
      v.maxLength(
        MAX_TRAVEL,
        `地区之间的往来不能超过 ${MAX_TRAVEL} 条（${MAX_REGIONS} 个地区两两之间各一条）：每两地只写一条。`,
      ),
      doc('地区之间的往来 — travel between regions'),
    ),
  ),
  epidemic: v.optional(Epidemic),
  actors: v.optional(
    v.pipe(
      v.array(Actor),
      v.maxLength(MAX_ACTORS, `主体不能超过 ${MAX_ACTORS} 个：删去没有权力、也没有被引用的主体。`),
      doc('主体 — actors'),
    ),
  ),
  powers: v.optional(
    v.pipe(
      v.array(Power),
      v.maxLength(MAX_POWERS, `权力不能超过 ${MAX_POWERS} 条：删去没有选项行使的权力。`),
      doc('权力与法律依据 — powers and their legal basis'),
    ),
  ),
  roleActor: v.optional(v.pipe(Id, doc('学员所代表的主体 id — the actor the trainee acts as'), examples(['qsWJJ']))),
  roleRegion: v.optional(v.pipe(Id, doc('学员管辖的地区 id — the trainee’s own region'), examples(['qingshi']))),
};
