/**
 * Automatic scoring rules: the power check, proportionality and coordination across regions.
 * Default weights below; a drill tunes them in `scoring.rules`.
 */
import type { Dimension, Scenario, ScoringRuleName } from '../scenario/schema';
import { parseDuration } from './clock';
import { findName } from './names';
import { powerInForce } from './powers-in-force';
import { formatDuration } from './scoring';
import type { Grant, ReportDuty, ScoreEvent } from './types';
import type { MeasureFact } from './world';

export const DEFAULT_RULE_DELTAS: Record<ScoringRuleName, number> = {
  unlawfulPower: -15,
  disproportionate: -10,
  notify: 3,
  withhold: -6,
  send: 4,
  letThrough: 3,
  intercept: -15,
  closeRoad: -10,
  escalate: -8,
  align: 2,
  unreported: -10,
  outcome: 30,
};

export const RULE_DIMENSION: Record<ScoringRuleName, Dimension> = {
  unlawfulPower: 'legality',
  disproportionate: 'legality',
  notify: 'coordination',
  withhold: 'coordination',
  send: 'coordination',
  letThrough: 'coordination',
  intercept: 'coordination',
  closeRoad: 'coordination',
  escalate: 'coordination',
  align: 'coordination',
  unreported: 'legality',
  outcome: 'timeliness',
};

export { POLICY_TOLERANCE } from './world';

export function ruleDelta(scenario: Scenario, rule: ScoringRuleName): number {
  return scenario.scoring?.rules?.[rule]?.delta ?? DEFAULT_RULE_DELTAS[rule];
}

export function ruleEvent(
  scenario: Scenario,
  rule: ScoringRuleName,
  reason: string,
  decision: number | null,
  extraRefs: readonly string[] = [],
  delta = ruleDelta(scenario, rule),
): ScoreEvent {
  const refs = [...extraRefs, ...(scenario.scoring?.rules?.[rule]?.refs ?? [])];
  return {
    dimension: RULE_DIMENSION[rule],
    delta,
    reason,
    source: { kind: 'rule', rule, decision },
    refs: [...new Set(refs)],
  };
}

export type Lawfulness = { lawful: true; how: 'holder' | 'authorised' } | { lawful: false };

/**
 * Whether the trainee's actor holds `powerId` as the drill's law has it. A power with no entry in
 * force, or a drill that names no actor for the trainee, binds no one: the trainee counts as its holder.
 * The engine judges a run by it (`lawfulness`), and lint bounds what a drill can score by it.
 */
export function roleHolds(scenario: Scenario, powerId: string): boolean {
  const power = powerInForce(scenario, powerId);
  const actor = scenario.roleActor;
  return !power || actor === undefined || power.holders.includes(actor);
}

/** Whether the trainee's actor may exercise `powerId` at in-game minute `clock`. */
export function lawfulness(scenario: Scenario, grants: readonly Grant[], powerId: string, clock: number): Lawfulness {
  if (roleHolds(scenario, powerId)) return { lawful: true, how: 'holder' };
  // Only an actor who holds the power can grant it.
  const holders = powerInForce(scenario, powerId)?.holders ?? [];
  if (grants.some((g) => g.power === powerId && g.at !== null && g.at <= clock && holders.includes(g.from)))
    return { lawful: true, how: 'authorised' };
  return { lawful: false };
}

const actorNames = (scenario: Scenario, ids: readonly string[]) =>
  ids.map((id) => findName(scenario, 'actor', id)).join('、');

export function unlawfulPowerEvent(scenario: Scenario, powerId: string, decision: number): ScoreEvent {
  const power = powerInForce(scenario, powerId);
  const holders = actorNames(scenario, power?.holders ?? []) || '其他主体';
  const actor = findName(scenario, 'actor', scenario.roleActor ?? '');
  return ruleEvent(
    scenario,
    'unlawfulPower',
    `${actor}无权自行“${power?.name ?? powerId}”：依法由${holders}行使或决定，事先也没有获得批准或授权。法无授权不可为。`,
    decision,
    power?.basis ?? [],
  );
}

/**
 * A power exercised by its holder whose duty to report (`report`) was not met in time. The
 * exercise itself was lawful: the report is a second act, and leaving it out is its own breach.
 * The event belongs to the decision during which the time ran out (`scoredIn`; null at the end of
 * the drill), so the trainee sees it then; its reason names the decision that exercised the power.
 */
export function unreportedEvent(scenario: Scenario, duty: ReportDuty, scoredIn: number | null): ScoreEvent {
  const power = powerInForce(scenario, duty.power);
  const report = power?.report;
  const to = findName(scenario, 'actor', report?.to ?? '');
  const within =
    report && parseDuration(report.within) > 0 ? `在 ${formatDuration(parseDuration(report.within))}之内` : '同时';
  const late =
    duty.reportedAt !== null
      ? `直到 ${formatDuration(duty.reportedAt - duty.at)}后才报告`
      : scoredIn === null
        ? '到推演结束仍未报告'
        : '期限已过，仍未报告';
  return ruleEvent(
    scenario,
    'unreported',
    `第 ${duty.decision + 1} 个决定采取“${power?.name ?? duty.power}”后，依法应当${within}向${to}报告，以便上级及时调整或者撤销；本局${late}。行使权力和报告是两个行为，缺一不可。`,
    scoredIn,
    report?.refs ?? power?.basis ?? [],
  );
}

/**
 * A named road weighs its share of the link's closure: a village road is not a highway, but it
 * is still a road closed to a neighbour, so it never rounds away to nothing.
 */
export function namedRoadDelta(linkDelta: number, share: number): number {
  if (linkDelta === 0) return 0;
  return Math.sign(linkDelta) * Math.max(1, Math.round(Math.abs(linkDelta) * share));
}

/** Coordination events for what the trainee's own measures did across borders. */
export function coordinationEvents(scenario: Scenario, facts: readonly MeasureFact[], decision: number): ScoreEvent[] {
  // Most decisions change nothing between regions: no helpers made for nothing (choose runs this twice).
  if (facts.length === 0) return [];
  const region = (id: string) => findName(scenario, 'region', id);
  const supply = (id: string) => findName(scenario, 'supply', id);
  return facts.flatMap((f): ScoreEvent[] => {
    switch (f.kind) {
      case 'notified':
        return [ruleEvent(scenario, 'notify', `及时向${region(f.region)}通报疫情信息，让对方能够提前准备。`, decision)];
      case 'sent':
        return f.shipment.from === scenario.roleRegion && f.shipment.amount > 0
          ? [
              ruleEvent(
                scenario,
                'send',
                `向${region(f.shipment.to)}调出${supply(f.shipment.supply)} ${f.shipment.amount}，支援其防控。`,
                decision,
              ),
            ]
          : [];
      case 'letThrough':
        return [
          ruleEvent(
            scenario,
            'letThrough',
            `放行途经本地、运往${region(f.shipment.to)}的${supply(f.shipment.supply)}，保障应急物资运输畅通。`,
            decision,
          ),
        ];
      case 'intercepted':
        return [
          ruleEvent(
            scenario,
            'intercept',
            `截留运往${region(f.shipment.to)}的${supply(f.shipment.supply)} ${f.shipment.amount}：以邻为壑，不得截留、挪用应急物资。`,
            decision,
          ),
        ];
      case 'closedRoad':
        return [
          ruleEvent(
            scenario,
            'closeRoad',
            `关闭通往${region(f.region)}的道路：阻断交通会造成应急物流不畅和区域分割。`,
            decision,
          ),
        ];
      case 'closedNamedRoad':
        return [
          ruleEvent(
            scenario,
            'closeRoad',
            `关闭${f.name}（${region(f.between[0])}与${region(f.between[1])}之间，约承担两地往来的 ${Math.round(f.share * 100)}%）：路虽小，也是对邻近地区断路，同样影响群众出行和物资运输，只按它承担的往来折算扣分。`,
            decision,
            [],
            namedRoadDelta(ruleDelta(scenario, 'closeRoad'), f.share),
          ),
        ];
      case 'escalated':
        return [
          ruleEvent(
            scenario,
            'escalate',
            f.by === 'measure'
              ? `${region(f.region)}的接触限制（系数 ${f.factor}）比上级要求（${f.policy}）更严：层层加码，自定标准、各自为政。`
              : `上级已把接触要求调整为 ${f.policy}，这个决定之后${region(f.region)}仍执行你定的 ${f.factor}，比上级要求更严：上级调整了，本地不跟着调整，也是层层加码。`,
            decision,
          ),
        ];
      case 'aligned':
        return [
          ruleEvent(
            scenario,
            'align',
            `${region(f.region)}的接触限制（系数 ${f.factor}）与上级要求（${f.policy}）一致。`,
            decision,
          ),
        ];
      default: {
        const never: never = f;
        return never;
      }
    }
  });
}

/** At the end: each neighbour of the trainee's region never informed. */
export function withholdEvents(scenario: Scenario, notified: readonly string[]): ScoreEvent[] {
  const own = scenario.regions?.find((r) => r.id === scenario.roleRegion);
  if (!own) return [];
  return (own.neighbours ?? [])
    .filter((id) => !notified.includes(id))
    .map((id) =>
      ruleEvent(
        scenario,
        'withhold',
        `始终没有向相邻的${findName(scenario, 'region', id)}通报疫情信息：信息不共享，邻近地区无从准备。`,
        null,
      ),
    );
}
