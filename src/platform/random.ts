/**
 * Small deterministic pseudo-random generators for demo data, benchmarks and tests. Not for
 * anything that must be unpredictable (tokens, passwords, the "double random" draws of S3 —
 * those need a cryptographic source or a published, auditable seed).
 */

/** A source of numbers uniformly distributed in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * Mulberry32: a 32-bit seeded PRNG (Tommy Ettinger, public domain). Fast, tiny, and good enough
 * to make demo data look varied while staying identical from run to run.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed derived from a string (FNV-1a over UTF-16 code units). Lets each demo record seed
 * its own generator from a stable key, so adding or reordering records does not change the
 * generated values of the others.
 */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator seeded from a stable string key; shorthand for `mulberry32(seedFromString(key))`. */
export function seededRandom(key: string): Random {
  return mulberry32(seedFromString(key));
}

/** An integer in [min, max] inclusive. */
export function randomInt(rng: Random, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(rng: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick() from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}
