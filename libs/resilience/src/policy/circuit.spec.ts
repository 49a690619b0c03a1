import { CircuitOpenError } from '../errors/circuit-open.error';
import type { CircuitStateName } from '../policy-options.interface';
import { Circuit } from './circuit';

class Failure extends Error {}

describe(Circuit.name, () => {
  let circuit: Circuit;
  let changes: CircuitStateName[];
  /** Runs `fn` as the pipeline does: admitted by the circuit, then settled with it. */
  const through = <T>(fn: () => Promise<T>): Promise<T> => {
    const pass = circuit.admit();
    return pass instanceof Promise ? pass.then((p) => circuit.settle(p, fn())) : circuit.settle(pass, fn());
  };
  const fail = () => through(() => Promise.reject(new Failure())).catch(() => undefined);
  const succeed = () => through(() => Promise.resolve('ok'));

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

  it('as cockatiel: half-open on the next call after the wait, closed when it succeeds', async () => {
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

    expect(circuit.state).toBe('closed');
    expect(circuit.rejects()).toBe(false);
    await expect(succeed()).resolves.toBe('ok');
  });

  it('forgets the failure count on reset: one failure afterwards does not re-open it', async () => {
    for (let i = 0; i < 3; i++) await fail();
    circuit.reset();

    await fail();

    expect(circuit.state).toBe('closed');
    await expect(through(() => Promise.resolve(1))).resolves.toBe(1);
  });

  it('holds the calls that arrive during the probe and lets them through once it succeeds', async () => {
    for (let i = 0; i < 3; i++) await fail();
    jest.advanceTimersByTime(10_000);
    let answer!: (value: string) => void;
    const probe = through(() => new Promise<string>((resolve) => (answer = resolve)));
    const started = jest.fn(() => Promise.resolve('second'));

    const second = through(started);
    await Promise.resolve();
    const startedDuringProbe = started.mock.calls.length;
    answer('first');

    await expect(probe).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
    expect(startedDuringProbe).toBe(0);
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens when the probe fails, and refuses the calls that waited on it', async () => {
    for (let i = 0; i < 3; i++) await fail();
    jest.advanceTimersByTime(10_000);
    let fault!: (error: Error) => void;
    const probe = through(() => new Promise<string>((_, reject) => (fault = reject)));
    const waiting = through(() => Promise.resolve('never')).catch((e: unknown) => e);

    fault(new Failure());

    await expect(probe).rejects.toBeInstanceOf(Failure);
    await expect(waiting).resolves.toBe(circuit.openError);
    expect(changes).toEqual(['open', 'half-open', 'open']);
    expect(circuit.retryAfterMs()).toBe(10_000);
  });

  it('closes when the probe fails with an error that is no failure: the downstream answered', async () => {
    for (let i = 0; i < 3; i++) await fail();
    jest.advanceTimersByTime(10_000);

    await expect(through(() => Promise.reject(new RangeError('404')))).rejects.toBeInstanceOf(RangeError);

    expect(circuit.state).toBe('closed');
  });

  it('lets an operator reset decide over a probe still in flight, whose answer then changes nothing', async () => {
    for (let i = 0; i < 3; i++) await fail();
    jest.advanceTimersByTime(10_000);
    let fault!: (error: Error) => void;
    const probe = through(() => new Promise<string>((_, reject) => (fault = reject))).catch(() => undefined);
    const waiting = through(() => Promise.resolve('after reset'));

    circuit.reset();
    await expect(waiting).resolves.toBe('after reset');
    fault(new Failure());
    await probe;

    expect(circuit.state).toBe('closed');
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('stops reporting state changes once disposed', async () => {
    circuit.dispose();

    for (let i = 0; i < 3; i++) await fail();

    expect(changes).toEqual([]);
    await expect(through(() => Promise.resolve(1))).rejects.toBe(circuit.openError);
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
