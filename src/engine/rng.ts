/**
 * A seeded PRNG (mulberry32) whose whole state is one uint32, so it lives in the run state and a
 * replay from the same seed draws the same numbers.
 */

/** Returns a float in [0, 1) and the generator's next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** An integer in [min, max], inclusive. */
export function nextInt(state: number, min: number, max: number): [value: number, next: number] {
  const [r, next] = nextRandom(state);
  return [min + Math.floor(r * (max - min + 1)), next];
}

/** Normalises any number to a valid generator state. */
export function seedState(seed: number): number {
  return seed >>> 0;
}
