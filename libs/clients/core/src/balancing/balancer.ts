import type { Instance } from './instance';

/** `<NAME>_SERVICE_LB`. */
export type BalancerKind = 'p2c' | 'round-robin' | 'random';

export const BALANCER_KINDS: readonly BalancerKind[] = ['p2c', 'round-robin', 'random'];

/** Picks one of `candidates` (never empty). */
export type Balancer = (candidates: readonly Instance[]) => Instance;

/**
 * Power of two choices over least outstanding requests (Finagle's default, Mitzenmacher's result):
 * two instances at random, the one with fewer calls in flight. A slow instance holds its calls
 * longer, so it is chosen less, without any latency bookkeeping; and unlike "least loaded of all",
 * a burst does not herd onto the one instance that looked idle a moment ago.
 */
export function powerOfTwoChoices(random: () => number = Math.random): Balancer {
  return (candidates) => {
    const n = candidates.length;
    if (n === 1) return candidates[0];
    const i = Math.floor(random() * n);
    // The second draw skips the first, so the two are always distinct.
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    const a = candidates[i];
    const b = candidates[j];
    return b.outstanding < a.outstanding ? b : a;
  };
}

export function roundRobin(): Balancer {
  let turn = 0;
  return (candidates) => {
    const picked = candidates[turn % candidates.length];
    turn = (turn + 1) % 1_000_000_007;
    return picked;
  };
}

export function randomChoice(random: () => number = Math.random): Balancer {
  return (candidates) => candidates[Math.floor(random() * candidates.length)];
}

export function balancerOf(kind: BalancerKind): Balancer {
  if (kind === 'round-robin') return roundRobin();
  if (kind === 'random') return randomChoice();
  return powerOfTwoChoices();
}
