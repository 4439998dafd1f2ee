/**
 * Where a choice leads, as the engine reads it at run time. The format's schema and the checker
 * take these from here: the engine is the runtime, and imports nothing but types from the format.
 */
import type { Choice } from '../scenario/schema';
import { RETURN } from './return';

/** Whether a choice may "$return" to where an inject interrupted the run. */
export function returns(next: Choice['next']): boolean {
  return typeof next === 'string' ? next === RETURN : next.some((b) => b.to === RETURN);
}

/** Node ids a choice may lead to ("$return" leads back to where an inject interrupted). */
export function targets(next: Choice['next']): string[] {
  return (typeof next === 'string' ? [next] : next.map((b) => b.to)).filter((t) => t !== RETURN);
}
