/**
 * The declared id an unknown one was probably meant to be: the same letters in another case, or
 * the nearest by edit distance within a third of its length (at least one edit). Said as a question
 * in the message, so a typo is fixed without looking the id up.
 */
import { closestMatch } from 'leven';

export function didYouMean(id: string, declared: Iterable<string>): string {
  const candidates = [...declared].filter((c) => c !== id);
  const lower = id.toLowerCase();
  const match =
    candidates.find((c) => c.toLowerCase() === lower) ??
    closestMatch(id, candidates, { maxDistance: Math.max(1, Math.floor(id.length / 3)) });
  return match === undefined ? '' : `是不是「${match}」？`;
}
