import { describe, expect, it } from 'vitest';
import { fakeLaw, fakePower, fakeWorldScenario, loadable } from '../../test/fake-scenario';
import type { Power, Scenario } from '../scenario/schema';
import {
  coordinationEvents,
  DEFAULT_RULE_DELTAS,
  lawfulness,
  namedRoadDelta,
  POLICY_TOLERANCE,
  RULE_DIMENSION,
  ruleEvent,
  unlawfulPowerEvent,
  withholdEvents,
} from './rules';
import type { Grant } from './types';
import type { MeasureFact, Shipment } from './world';

/** The trainee is "city" (滨江市人民政府) of "home"; "lockdown" is the province's, citing law-1. */
const scenario = loadable(
  fakeWorldScenario({
    references: [fakeLaw(), fakeLaw({ id: 'law-2', article: '第二条' })],
    powers: [fakePower()],
  }),
);

function withPower(power: Partial<Power>): Scenario {
  return loadable({ ...scenario, powers: [fakePower(power)] });
}

function grant(at: number | null, power = 'lockdown'): Grant {
  return { power, from: 'province', via: [], requestedAt: 0, at, refusedAt: null };
}

const shipment = (overrides: Partial<Shipment> = {}): Shipment => ({
  id: 's1',
  supply: 'masks',
  amount: 30,
  from: 'home',
  to: 'next',
  route: ['home'],
  clearedBy: [],
  arrives: 100,
  status: 'moving',
  ...overrides,
});

describe('lawfulness', () => {
  it('[regression] counts an authorisation only from an actor who holds the power', () => {
    const fromNobody: Grant = { ...grant(0), from: 'city' };
    expect(lawfulness(scenario, [fromNobody], 'lockdown', 10)).toEqual({ lawful: false });
  });

  it('is lawful for a holder of the power', () => {
    expect(lawfulness(withPower({ holders: ['province', 'city'] }), [], 'lockdown', 0)).toEqual({
      lawful: true,
      how: 'holder',
    });
  });

  it('is unlawful for an actor who neither holds it nor was authorised', () => {
    expect(lawfulness(scenario, [], 'lockdown', 0)).toEqual({ lawful: false });
  });

  it('[regression] a duty to report makes no one a holder: the reporting actor is not the one who acts', () => {
    const reporting = withPower({ holders: ['province'], report: { to: 'city', within: '0m' } });
    expect(lawfulness(reporting, [], 'lockdown', 0)).toEqual({ lawful: false });
  });

  it('is lawful once authorised, from the grant’s time on and not before', () => {
    expect(lawfulness(scenario, [grant(120)], 'lockdown', 119)).toEqual({ lawful: false });
    expect(lawfulness(scenario, [grant(120)], 'lockdown', 120)).toEqual({ lawful: true, how: 'authorised' });
    expect(lawfulness(scenario, [grant(120)], 'lockdown', 5000)).toEqual({ lawful: true, how: 'authorised' });
  });

  it('is unlawful after a refused request', () => {
    expect(lawfulness(scenario, [grant(null)], 'lockdown', 10_000)).toEqual({ lawful: false });
  });

  it('counts only a grant of the same power', () => {
    expect(lawfulness(scenario, [grant(0, 'curfew')], 'lockdown', 100)).toEqual({ lawful: false });
  });

  it('is lawful when the drill declares no powers, no such power, or no role actor', () => {
    const bare = fakeWorldScenario();
    expect(lawfulness(bare, [], 'lockdown', 0)).toEqual({ lawful: true, how: 'holder' });
    expect(lawfulness(scenario, [], 'curfew', 0)).toEqual({ lawful: true, how: 'holder' });
    expect(lawfulness({ ...scenario, roleActor: undefined }, [], 'lockdown', 0)).toEqual({
      lawful: true,
      how: 'holder',
    });
  });
});

describe('unlawfulPowerEvent', () => {
  it('names the actor, the power and its holders, and cites the power’s basis', () => {
    const event = unlawfulPowerEvent(scenario, 'lockdown', 3);
    expect(event).toEqual({
      dimension: 'legality',
      delta: -15,
      reason:
        '滨江市人民政府无权自行“实施区域封锁”：依法由省人民政府行使或决定，事先也没有获得批准或授权。法无授权不可为。',
      source: { kind: 'rule', rule: 'unlawfulPower', decision: 3 },
      refs: ['law-1'],
    });
  });

  it('lists every holder', () => {
    const two = withPower({ holders: ['province', 'city'] });
    expect(unlawfulPowerEvent(two, 'lockdown', 0).reason).toContain('依法由省人民政府、滨江市人民政府行使');
  });

  it('adds the drill’s own references for the rule after the basis, once each', () => {
    const tuned = loadable({
      ...scenario,
      scoring: { rules: { unlawfulPower: { delta: -30, refs: ['law-2', 'law-1'] } } },
    });
    expect(unlawfulPowerEvent(tuned, 'lockdown', 0)).toMatchObject({ delta: -30, refs: ['law-1', 'law-2'] });
  });
});

describe('coordinationEvents', () => {
  const events = (facts: MeasureFact[], s: Scenario = scenario) => coordinationEvents(s, facts, 2);

  it('[regression] gives no credit for sending nothing', () => {
    const empty: Shipment = {
      id: 's',
      supply: 'masks',
      amount: 0,
      from: 'home',
      to: 'next',
      route: ['home'],
      clearedBy: [],
      arrives: 0,
      status: 'moving',
    };
    expect(events([{ kind: 'sent', shipment: empty }], { ...scenario, roleRegion: 'home' })).toEqual([]);
  });

  it('gives every event the rule as its source, at the decision', () => {
    const [event] = events([{ kind: 'notified', region: 'next' }]);
    expect(event?.source).toEqual({ kind: 'rule', rule: 'notify', decision: 2 });
    expect(event?.dimension).toBe('coordination');
  });

  it.each<[string, MeasureFact, string, number, RegExp]>([
    ['informing a region', { kind: 'notified', region: 'next' }, 'notify', 3, /向临江市通报疫情信息/],
    ['sending supplies', { kind: 'sent', shipment: shipment() }, 'send', 4, /向临江市调出医用口罩 30/],
    [
      'letting a shipment through',
      { kind: 'letThrough', shipment: shipment({ from: 'capital' }) },
      'letThrough',
      3,
      /放行途经本地、运往临江市的医用口罩/,
    ],
    [
      'intercepting a shipment',
      { kind: 'intercepted', shipment: shipment({ from: 'capital' }) },
      'intercept',
      -15,
      /截留运往临江市的医用口罩 30：以邻为壑/,
    ],
    ['closing roads', { kind: 'closedRoad', region: 'next' }, 'closeRoad', -10, /关闭通往临江市的道路/],
    [
      'closing a named road, by its share of the link',
      { kind: 'closedNamedRoad', name: '乡道X203（石桥村段）', between: ['home', 'next'], share: 0.3 },
      'closeRoad',
      -3,
      /关闭乡道X203（石桥村段）（滨江市与临江市之间，约承担两地往来的 30%）/,
    ],
  ])('scores %s', (_, fact, rule, delta, reason) => {
    expect(events([fact])).toEqual([
      { dimension: 'coordination', delta, reason: expect.stringMatching(reason), source: expect.anything(), refs: [] },
    ]);
    expect(events([fact])[0]?.source).toMatchObject({ rule });
  });

  describe('namedRoadDelta', () => {
    it('scales the link’s weight by the road’s share, never to nothing unless the weight is nothing', () => {
      expect(namedRoadDelta(-10, 1)).toBe(-10);
      expect(namedRoadDelta(-10, 0.5)).toBe(-5);
      expect(namedRoadDelta(-10, 0.04)).toBe(-1);
      expect(namedRoadDelta(6, 0.1)).toBe(1);
      expect(namedRoadDelta(0, 0.5)).toBe(0);
    });

    it('follows the drill’s own closeRoad weight', () => {
      const tuned = loadable({ ...scenario, scoring: { rules: { closeRoad: { delta: -20 } } } });
      const fact: MeasureFact = { kind: 'closedNamedRoad', name: '县道Y012', between: ['home', 'next'], share: 0.25 };
      expect(coordinationEvents(tuned, [fact], 0)[0]?.delta).toBe(-5);
    });
  });

  it('does not credit a shipment another region sends', () => {
    expect(events([{ kind: 'sent', shipment: shipment({ from: 'next', to: 'home' }) }])).toEqual([]);
  });

  describe('contact against the higher level’s policy', () => {
    it('charges 层层加码 for a limit stricter than the policy, saying whether the trainee tightened or the policy eased', () => {
      expect(POLICY_TOLERANCE).toBe(0.1);
      expect(events([{ kind: 'escalated', region: 'home', factor: 0.3, policy: 0.5, by: 'measure' }])).toEqual([
        {
          dimension: 'coordination',
          delta: -8,
          reason: '滨江市的接触限制（系数 0.3）比上级要求（0.5）更严：层层加码，自定标准、各自为政。',
          source: { kind: 'rule', rule: 'escalate', decision: 2 },
          refs: [],
        },
      ]);
      expect(events([{ kind: 'escalated', region: 'home', factor: 0.3, policy: 0.8, by: 'policy' }])).toEqual([
        expect.objectContaining({
          delta: -8,
          reason: expect.stringMatching(/上级已把接触要求调整为 0.8，这个决定之后滨江市仍执行你定的 0.3/),
          source: { kind: 'rule', rule: 'escalate', decision: 2 },
        }),
      ]);
    });

    it('credits a limit aligned with the policy', () => {
      expect(events([{ kind: 'aligned', region: 'home', factor: 0.5, policy: 0.5 }])).toEqual([
        expect.objectContaining({ delta: 2, source: { kind: 'rule', rule: 'align', decision: 2 } }),
      ]);
    });
  });

  it('gives one event per fact, in order', () => {
    const rules = events([
      { kind: 'closedRoad', region: 'next' },
      { kind: 'notified', region: 'next' },
      { kind: 'notified', region: 'home' },
    ]).map((e) => e.source.kind === 'rule' && e.source.rule);
    expect(rules).toEqual(['closeRoad', 'notify', 'notify']);
  });
});

describe('withholdEvents', () => {
  it('charges each neighbour of the trainee’s region never informed, at the end', () => {
    expect(withholdEvents(scenario, [])).toEqual([
      {
        dimension: 'coordination',
        delta: -6,
        reason: '始终没有向相邻的临江市通报疫情信息：信息不共享，邻近地区无从准备。',
        source: { kind: 'rule', rule: 'withhold', decision: null },
        refs: [],
      },
    ]);
  });

  it('charges nothing once every neighbour was informed', () => {
    expect(withholdEvents(scenario, ['next'])).toEqual([]);
  });

  it('charges nothing without a role region or without neighbours', () => {
    expect(withholdEvents({ ...scenario, roleRegion: undefined }, [])).toEqual([]);
    const alone = fakeWorldScenario({
      regions: scenario.regions?.map((r) => ({ ...r, neighbours: undefined })),
    });
    expect(withholdEvents(alone, [])).toEqual([]);
  });
});

describe('a drill’s own weights (scoring.rules)', () => {
  const tuned = loadable({
    ...scenario,
    scoring: {
      rules: {
        notify: { delta: 7, refs: ['law-2'] },
        intercept: { delta: -40 },
        escalate: { refs: ['law-1'] },
        withhold: { delta: 0 },
      },
    },
  });

  it('replace the default delta and add references, rule by rule', () => {
    expect(coordinationEvents(tuned, [{ kind: 'notified', region: 'next' }], 0)[0]).toMatchObject({
      delta: 7,
      refs: ['law-2'],
    });
    expect(
      coordinationEvents(tuned, [{ kind: 'intercepted', shipment: shipment({ from: 'capital' }) }], 0)[0],
    ).toMatchObject({ delta: -40, refs: [] });
    expect(
      coordinationEvents(tuned, [{ kind: 'escalated', region: 'home', factor: 0.1, policy: 0.9, by: 'measure' }], 0)[0],
    ).toMatchObject({ delta: -8, refs: ['law-1'] });
    expect(withholdEvents(tuned, [])[0]?.delta).toBe(0);
  });

  it('leave the rules they do not name at their defaults', () => {
    expect(coordinationEvents(tuned, [{ kind: 'closedRoad', region: 'next' }], 0)[0]?.delta).toBe(
      DEFAULT_RULE_DELTAS.closeRoad,
    );
  });
});

describe('ruleEvent', () => {
  it('puts each rule on its dimension', () => {
    for (const [rule, dimension] of Object.entries(RULE_DIMENSION)) {
      expect(ruleEvent(scenario, rule as keyof typeof RULE_DIMENSION, '理由', null).dimension).toBe(dimension);
    }
    expect(RULE_DIMENSION).toMatchObject({
      unlawfulPower: 'legality',
      disproportionate: 'legality',
      outcome: 'timeliness',
      intercept: 'coordination',
    });
  });
});

describe('powers that follow the drill’s legal framework', () => {
  // The 2013 text required the higher level's decision first (第42条); the 2025 text lets the
  // government act first and report at once (第63条).
  const emergency = (year: number) =>
    loadable(
      fakeWorldScenario({
        legalFramework: year,
        roleActor: 'city',
        actors: [
          { id: 'city', name: '滨江市人民政府' },
          { id: 'province', name: '省人民政府' },
        ],
        powers: [
          { id: 'emergency', name: '采取紧急措施', holders: ['province'], basis: [], until: 2025 },
          {
            id: 'emergency',
            name: '采取紧急措施',
            holders: ['province', 'city'],
            report: { to: 'province', within: '0m' },
            basis: [],
            from: 2025,
          },
        ],
      }),
    );

  it('judges the same act unlawful under the 2013 law and lawful under the 2025 law', () => {
    expect(lawfulness(emergency(2013), [], 'emergency', 0)).toEqual({ lawful: false });
    expect(lawfulness(emergency(2025), [], 'emergency', 0)).toEqual({ lawful: true, how: 'holder' });
  });
});
