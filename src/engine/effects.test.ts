import { describe, expect, it } from 'vitest';
import { fakeBooleanVar, fakeNumberVar } from '../../test/fake-scenario';
import { applyEffect } from './effects';
import { nextInt } from './rng';

const cases = fakeNumberVar({ id: 'cases', min: 0, max: 100, initial: 10 });
const reported = fakeBooleanVar({ id: 'reported' });
const RNG = 12345;

describe('applyEffect', () => {
  describe('set', () => {
    it('sets a number and leaves the generator alone', () => {
      expect(applyEffect({ op: 'set', var: 'cases', value: 42 }, cases, 10, RNG)).toEqual([42, RNG]);
    });

    it('clamps a number to the variable range', () => {
      expect(applyEffect({ op: 'set', var: 'cases', value: 500 }, cases, 10, RNG)).toEqual([100, RNG]);
      expect(applyEffect({ op: 'set', var: 'cases', value: -3 }, cases, 10, RNG)).toEqual([0, RNG]);
    });

    it('sets a boolean', () => {
      expect(applyEffect({ op: 'set', var: 'reported', value: true }, reported, false, RNG)).toEqual([true, RNG]);
    });
  });

  describe('add', () => {
    it('adds, and subtracts with a negative value', () => {
      expect(applyEffect({ op: 'add', var: 'cases', value: 5 }, cases, 10, RNG)).toEqual([15, RNG]);
      expect(applyEffect({ op: 'add', var: 'cases', value: -4 }, cases, 10, RNG)).toEqual([6, RNG]);
    });

    it('clamps at the maximum and at the minimum', () => {
      expect(applyEffect({ op: 'add', var: 'cases', value: 95 }, cases, 10, RNG)).toEqual([100, RNG]);
      expect(applyEffect({ op: 'add', var: 'cases', value: -50 }, cases, 10, RNG)).toEqual([0, RNG]);
    });

    it('clamps to a range that does not include zero', () => {
      const temp = fakeNumberVar({ id: 'temp', min: 35, max: 42, initial: 37 });
      expect(applyEffect({ op: 'add', var: 'temp', value: -10 }, temp, 37, RNG)).toEqual([35, RNG]);
    });

    it('counts from zero when the variable has no value yet', () => {
      expect(applyEffect({ op: 'add', var: 'cases', value: 7 }, cases, undefined, RNG)).toEqual([7, RNG]);
    });
  });

  describe('random', () => {
    it('draws from the run generator and returns its next state', () => {
      const effect = { op: 'random', var: 'cases', min: 1, max: 6 } as const;
      const [value, rng] = applyEffect(effect, cases, 10, RNG);
      expect([value, rng]).toEqual(nextInt(RNG, 1, 6));
      expect(rng).not.toBe(RNG);
    });

    it('is deterministic for a given generator state, and changes with it', () => {
      const effect = { op: 'random', var: 'cases', min: 0, max: 100 } as const;
      expect(applyEffect(effect, cases, 10, RNG)).toEqual(applyEffect(effect, cases, 10, RNG));
      const sequence = (start: number) => {
        let s = start;
        return Array.from({ length: 10 }, () => {
          const [v, next] = applyEffect(effect, cases, 10, s);
          s = next;
          return v;
        });
      };
      expect(new Set(sequence(RNG)).size).toBeGreaterThan(1);
      expect(sequence(RNG)).not.toEqual(sequence(RNG + 1));
    });

    it('stays within [min, max] inclusive', () => {
      const effect = { op: 'random', var: 'cases', min: 3, max: 5 } as const;
      const seen = new Set<number>();
      let s = RNG;
      for (let i = 0; i < 200; i++) {
        const [v, next] = applyEffect(effect, cases, 10, s);
        seen.add(v as number);
        s = next;
      }
      expect([...seen].sort((a, b) => a - b)).toEqual([3, 4, 5]);
    });

    it('clamps the draw to the variable range', () => {
      const effect = { op: 'random', var: 'cases', min: 200, max: 300 } as const;
      const [value, rng] = applyEffect(effect, cases, 10, RNG);
      expect(value).toBe(100);
      expect(rng).toBe(nextInt(RNG, 200, 300)[1]);
    });
  });
});
