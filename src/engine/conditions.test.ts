import { describe, expect, it } from 'vitest';
import type { Condition } from '../scenario/schema';
import { type ConditionContext, type ConditionHandlers, type ConditionKind, holds, matchCondition } from './conditions';

function ctx(overrides: Partial<ConditionContext> = {}): ConditionContext {
  return { vars: {}, clock: 0, visited: ['n1'], ...overrides };
}

type Op = Extract<Condition, { var: string }>['op'];

const TRUE: Condition = { after: '0m' };
const FALSE: Condition = { before: '0m' };

describe('matchCondition', () => {
  /** Handlers that each answer with their own kind, and with the condition and the argument they were given. */
  const naming: ConditionHandlers<[string, Condition, number], number> = {
    all: (c, arg) => ['all', c, arg],
    any: (c, arg) => ['any', c, arg],
    not: (c, arg) => ['not', c, arg],
    var: (c, arg) => ['var', c, arg],
    metric: (c, arg) => ['metric', c, arg],
    authorised: (c, arg) => ['authorised', c, arg],
    requested: (c, arg) => ['requested', c, arg],
    before: (c, arg) => ['before', c, arg],
    after: (c, arg) => ['after', c, arg],
    visited: (c, arg) => ['visited', c, arg],
  };

  it.each<[Condition, ConditionKind]>([
    [{ all: [] }, 'all'],
    [{ any: [] }, 'any'],
    [{ not: TRUE }, 'not'],
    [{ var: 'x', op: '==', value: 1 }, 'var'],
    [{ before: '1h' }, 'before'],
    [{ after: '1h' }, 'after'],
    [{ visited: 'n1' }, 'visited'],
    [{ requested: 'p' }, 'requested'],
    [{ metric: 'cases', op: '>', value: 1 }, 'metric'],
    [{ authorised: 'lockdown' }, 'authorised'],
  ])('hands %j to the handler for %s, with the argument', (condition, kind) => {
    expect(matchCondition(condition, naming, 7)).toEqual([kind, condition, 7]);
  });

  it('tells a condition by its kind, not by a note beside it', () => {
    const noted: Condition = { $comment: 'why', visited: 'n1' };
    expect(matchCondition(noted, naming, 0)).toEqual(['visited', noted, 0]);
  });

  it('refuses what is no condition at all, rather than reading it as one kind', () => {
    expect(() => matchCondition({ $comment: 'nothing else' } as unknown as Condition, naming, 0)).toThrow(TypeError);
  });
});

describe('holds', () => {
  it('sanity: the TRUE and FALSE fixtures are what they say', () => {
    expect(holds(TRUE, ctx())).toBe(true);
    expect(holds(FALSE, ctx())).toBe(false);
  });

  describe('var', () => {
    it.each<[Op, number, boolean]>([
      ['==', 5, true],
      ['==', 6, false],
      ['!=', 6, true],
      ['!=', 5, false],
      ['<', 6, true],
      ['<', 5, false],
      ['<=', 5, true],
      ['<=', 4, false],
      ['>', 4, true],
      ['>', 5, false],
      ['>=', 5, true],
      ['>=', 6, false],
    ])('cases=5 %s %i is %s', (op, value, expected) => {
      const c: Condition = { var: 'cases', op, value };
      expect(holds(c, ctx({ vars: { cases: 5 } }))).toBe(expected);
    });

    it('compares booleans with == and !=', () => {
      const c: Condition = { var: 'reported', op: '==', value: true };
      expect(holds(c, ctx({ vars: { reported: true } }))).toBe(true);
      expect(holds(c, ctx({ vars: { reported: false } }))).toBe(false);
      expect(holds({ var: 'reported', op: '!=', value: true }, ctx({ vars: { reported: false } }))).toBe(true);
    });

    it('does not treat a number and a boolean as equal', () => {
      expect(holds({ var: 'x', op: '==', value: true }, ctx({ vars: { x: 1 } }))).toBe(false);
    });

    it('is false for a variable the run does not have, whatever the operator', () => {
      for (const op of ['==', '!=', '<', '<=', '>', '>='] as const) {
        expect(holds({ var: 'missing', op, value: 0 }, ctx())).toBe(false);
      }
    });
  });

  describe('before and after', () => {
    it('before is true strictly earlier than the duration', () => {
      expect(holds({ before: '2h' }, ctx({ clock: 119 }))).toBe(true);
      expect(holds({ before: '2h' }, ctx({ clock: 120 }))).toBe(false);
    });

    it('after is true at or later than the duration', () => {
      expect(holds({ after: '2h' }, ctx({ clock: 119 }))).toBe(false);
      expect(holds({ after: '2h' }, ctx({ clock: 120 }))).toBe(true);
      expect(holds({ after: '1.5d' }, ctx({ clock: 2160 }))).toBe(true);
    });

    it('before and after the same duration are complements', () => {
      for (const clock of [0, 59, 60, 61, 1000]) {
        expect(holds({ before: '1h' }, ctx({ clock }))).toBe(!holds({ after: '1h' }, ctx({ clock })));
      }
    });
  });

  describe('visited', () => {
    it('is true for a node the run has been at, false otherwise', () => {
      expect(holds({ visited: 'n2' }, ctx({ visited: ['n1', 'n2'] }))).toBe(true);
      expect(holds({ visited: 'n3' }, ctx({ visited: ['n1', 'n2'] }))).toBe(false);
    });
  });

  describe('metric', () => {
    it('compares the quantity the context reports, for the region and supply named', () => {
      const seen: unknown[][] = [];
      const metric: ConditionContext['metric'] = (name, region, supply) => {
        seen.push([name, region, supply]);
        return name === 'supply' ? 7 : 120;
      };
      expect(holds({ metric: 'cases', region: 'home', op: '>=', value: 120 }, ctx({ metric }))).toBe(true);
      expect(holds({ metric: 'cases', op: '>', value: 120 }, ctx({ metric }))).toBe(false);
      expect(holds({ metric: 'supply', region: 'home', supply: 'masks', op: '<', value: 10 }, ctx({ metric }))).toBe(
        true,
      );
      expect(seen).toEqual([
        ['cases', 'home', undefined],
        ['cases', undefined, undefined],
        ['supply', 'home', 'masks'],
      ]);
    });

    it('reads 0 in a context without a world', () => {
      expect(holds({ metric: 'cases', op: '==', value: 0 }, ctx())).toBe(true);
      expect(holds({ metric: 'violations', op: '>', value: 0 }, ctx())).toBe(false);
    });
  });

  describe('authorised', () => {
    it('asks the context about the power named', () => {
      const authorised = (power: string) => power === 'lockdown';
      expect(holds({ authorised: 'lockdown' }, ctx({ authorised }))).toBe(true);
      expect(holds({ authorised: 'curfew' }, ctx({ authorised }))).toBe(false);
    });

    it('is false in a context that cannot say', () => {
      expect(holds({ authorised: 'lockdown' }, ctx())).toBe(false);
    });
  });

  describe('all, any and not', () => {
    it('all is true only when every condition holds; empty all is true', () => {
      expect(holds({ all: [TRUE, TRUE] }, ctx())).toBe(true);
      expect(holds({ all: [TRUE, FALSE] }, ctx())).toBe(false);
      expect(holds({ all: [] }, ctx())).toBe(true);
    });

    it('any is true when one condition holds; empty any is false', () => {
      expect(holds({ any: [FALSE, TRUE] }, ctx())).toBe(true);
      expect(holds({ any: [FALSE, FALSE] }, ctx())).toBe(false);
      expect(holds({ any: [] }, ctx())).toBe(false);
    });

    it('not negates', () => {
      expect(holds({ not: TRUE }, ctx())).toBe(false);
      expect(holds({ not: FALSE }, ctx())).toBe(true);
      expect(holds({ not: { not: TRUE } }, ctx())).toBe(true);
    });

    it('nests: reported, or (over 20 cases and not yet at the press conference) after 6h', () => {
      const c: Condition = {
        any: [
          { var: 'reported', op: '==', value: true },
          {
            all: [{ var: 'cases', op: '>', value: 20 }, { not: { visited: 'press' } }, { after: '6h' }],
          },
        ],
      };
      const at = (vars: ConditionContext['vars'], clock: number, visited: string[]) =>
        holds(c, ctx({ vars, clock, visited }));
      expect(at({ reported: true, cases: 0 }, 0, ['n1'])).toBe(true);
      expect(at({ reported: false, cases: 21 }, 360, ['n1'])).toBe(true);
      expect(at({ reported: false, cases: 20 }, 360, ['n1'])).toBe(false);
      expect(at({ reported: false, cases: 21 }, 359, ['n1'])).toBe(false);
      expect(at({ reported: false, cases: 21 }, 360, ['n1', 'press'])).toBe(false);
    });
  });
});
