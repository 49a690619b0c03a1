import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { CircuitOpenError } from '../errors/circuit-open.error';
import type { CircuitStateName } from '../policy-options.interface';
import { Circuit } from './circuit';

class Failure extends Error {}

describe(Circuit.name, () => {
  let circuit: Circuit;
  let changes: CircuitStateName[];
  const fail = () => circuit.breaker.execute(() => Promise.reject(new Failure())).catch(() => undefined);
  const succeed = () => circuit.breaker.execute(() => Promise.resolve('ok'));

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    changes = [];
    circuit = new Circuit(
      'library',
      { kind: 'consecutive', threshold: 3, halfOpenAfterMs: 10_000 },
      (e) => e instanceof Failure,
      (s) => changes.push(s),
    );
  });
  afterEach(() => {
    circuit.dispose();
    jest.useRealTimers();
  });

  it('is closed, lets calls through and has no retry hint', () => {
    expect(circuit.state).toBe('closed');
    expect(circuit.rejects()).toBe(false);
    expect(circuit.retryAfterMs()).toBeUndefined();
  });

  it('opens at the threshold, rejects until halfOpenAfterMs has passed, and reports the state change', async () => {
    for (let i = 0; i < 3; i++) await fail();

    const openRejects = circuit.rejects();
    jest.advanceTimersByTime(9_999);
    const justBefore = circuit.rejects();
    jest.advanceTimersByTime(1);

    expect(changes).toEqual(['open']);
    expect(circuit.state).toBe('open');
    expect(openRejects).toBe(true);
    expect(justBefore).toBe(true);
    expect(circuit.rejects()).toBe(false);
  });

  it('counts retryAfterMs down to the half-open time, never under one second', async () => {
    for (let i = 0; i < 3; i++) await fail();

    const atOpen = circuit.retryAfterMs();
    jest.advanceTimersByTime(4_000);
    const later = circuit.retryAfterMs();
    jest.advanceTimersByTime(5_500);
    const nearEnd = circuit.retryAfterMs();

    expect(atOpen).toBe(10_000);
    expect(later).toBe(6_000);
    expect(nearEnd).toBe(1_000);
  });

  it('mirrors cockatiel: half-open on the next call after the wait, closed when it succeeds', async () => {
    for (let i = 0; i < 3; i++) await fail();
    jest.advanceTimersByTime(10_000);

    await expect(succeed()).resolves.toBe('ok');

    expect(changes).toEqual(['open', 'half-open', 'closed']);
    expect(circuit.state).toBe('closed');
    expect(circuit.retryAfterMs()).toBeUndefined();
  });

  it('builds its one CircuitOpenError without a stack', () => {
    expect(circuit.openError).toBeInstanceOf(CircuitOpenError);
    expect(circuit.openError.stack).not.toMatch(/\n\s+at /);
    expect(circuit.openError.policy).toBe('library');
  });

  it('isolates until reset, with no retry hint while isolated', async () => {
    circuit.isolate();
    circuit.isolate();

    const state = circuit.state;
    const rejects = circuit.rejects();
    const hint = circuit.retryAfterMs();
    circuit.reset();

    expect(state).toBe('isolated');
    expect(rejects).toBe(true);
    expect(hint).toBeUndefined();
    expect(circuit.state).toBe('closed');
    expect(circuit.rejects()).toBe(false);
    await expect(succeed()).resolves.toBe('ok');
  });

  it('closes an open circuit on reset', async () => {
    for (let i = 0; i < 3; i++) await fail();

    circuit.reset();

    expect(circuit.breaker.state).toBe(CircuitState.Closed);
    expect(circuit.rejects()).toBe(false);
    await expect(succeed()).resolves.toBe('ok');
  });

  // BUG (circuit.ts, reset()): isolate().dispose() moves cockatiel to Closed but leaves the
  // ConsecutiveBreaker's count at the threshold, so the very next failure re-opens the circuit.
  it('forgets the failure count on reset: one failure afterwards does not re-open it', async () => {
    for (let i = 0; i < 3; i++) await fail();
    circuit.reset();

    await fail();

    expect(circuit.state).toBe('closed');
    await expect(circuit.breaker.execute(() => Promise.resolve(1))).resolves.toBe(1);
  });

  it('stops reporting state changes once disposed', async () => {
    circuit.dispose();

    for (let i = 0; i < 3; i++) await fail();

    expect(changes).toEqual([]);
    await expect(circuit.breaker.execute(() => Promise.resolve(1))).rejects.toBeInstanceOf(BrokenCircuitError);
  });
});

describe('Circuit state subscriptions', () => {
  it('tells subscribers each change with the prior state, survives a throwing listener, stops on unsubscribe', () => {
    const { Circuit: CircuitClass } = jest.requireActual('./circuit') as typeof import('./circuit');
    const circuit = new CircuitClass(
      'sub',
      { kind: 'consecutive', threshold: 1, halfOpenAfterMs: 1000 },
      () => true,
      () => undefined,
    );
    const seen: string[] = [];
    circuit.subscribe(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = circuit.subscribe((state, previous) => seen.push(`${previous}->${state}`));

    circuit.isolate();
    circuit.reset();
    unsubscribe();
    circuit.isolate();

    expect(seen).toEqual(['closed->isolated', 'isolated->closed']);
    circuit.dispose();
  });
});
