import type { Instance } from './instance';

/** `<NAME>_SERVICE_LB`. */
export type BalancerKind = 'p2c-ewma' | 'p2c' | 'round-robin' | 'random';

export const BALANCER_KINDS: readonly BalancerKind[] = ['p2c-ewma', 'p2c', 'round-robin', 'random'];

/**
 * The cost of an instance that has not answered yet but has calls in flight: above any real one
 * (Finagle's `Penalty`), so a new instance takes one call and then waits for its first answer.
 */
const UNKNOWN_BUSY_COST = 1e12;

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
    if (candidates.length === 1) return candidates[0];
    const [a, b] = twoAtRandom(candidates, random);
    return b.outstanding < a.outstanding ? b : a;
  };
}

/** Two distinct candidates at random (of at least two): the second draw skips the first. */
function twoAtRandom(candidates: readonly Instance[], random: () => number): [Instance, Instance] {
  const i = Math.floor(random() * candidates.length);
  let j = Math.floor(random() * (candidates.length - 1));
  if (j >= i) j++;
  return [candidates[i], candidates[j]];
}

/**
 * Power of two choices over peak-EWMA latency × (calls in flight + 1), as Finagle's
 * `p2cPeakEwma` and Linkerd's balancer: two instances at random, the cheaper one. Among instances
 * that answer alike it is least outstanding; but a slow instance costs its latency even when its
 * calls are cut short (a hedge that answered first, a timeout), so it is not refilled each time
 * its queue empties, and it is tried again as its estimate decays (see PeakEwma).
 */
export function peakEwmaTwoChoices(
  now: () => number = () => performance.now(),
  random: () => number = Math.random,
): Balancer {
  return (candidates) => {
    if (candidates.length === 1) return candidates[0];
    const [a, b] = twoAtRandom(candidates, random);
    const at = now();
    return costOf(b, at) < costOf(a, at) ? b : a;
  };
}

function costOf(instance: Instance, now: number): number {
  if (!instance.latency.known) return instance.outstanding === 0 ? 0 : UNKNOWN_BUSY_COST + instance.outstanding;
  return instance.latency.value(now) * (instance.outstanding + 1);
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

export function balancerOf(kind: BalancerKind, now?: () => number): Balancer {
  if (kind === 'round-robin') return roundRobin();
  if (kind === 'random') return randomChoice();
  if (kind === 'p2c') return powerOfTwoChoices();
  return peakEwmaTwoChoices(now);
}
