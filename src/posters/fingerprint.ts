/**
 * The fingerprint of a poster's printed facts: the hash printed on every
 * sheet and recorded in the lock. Kept apart from the pure model because it
 * needs node:crypto.
 */
import { createHash } from 'node:crypto';
import { fingerprintText, type PrintedFacts } from './model';

/** A short, stable fingerprint of the printed facts: 12 hex digits of their SHA-256. */
export function factsHash(facts: PrintedFacts): string {
  return createHash('sha256').update(fingerprintText(facts)).digest('hex').slice(0, 12);
}

/** The poster with the fingerprint of its facts, as the lock and the printed version need it. */
export function fingerprinted<T extends { readonly facts: PrintedFacts }>(
  poster: T,
): T & { readonly hash: string } {
  return { ...poster, hash: factsHash(poster.facts) };
}
