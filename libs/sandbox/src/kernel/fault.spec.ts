import { FaultSwitch, NO_FAULT, parseFault } from './fault';

describe(parseFault.name, () => {
  it('fills in the defaults', () => {
    // Act
    const result = parseFault({ mode: 'error' });

    // Assert
    expect(result).toEqual({
      ok: true,
      fault: { mode: 'error', status: 503, rate: 1, latencyMs: 0, retryAfterSeconds: null, path: null },
    });
  });

  it('keeps every field given', () => {
    // Arrange
    const spec = {
      mode: 'slow',
      status: 502,
      rate: 0.25,
      latencyMs: 1500,
      retryAfterSeconds: 3,
      path: '/api/v1/users',
    };

    // Act
    const result = parseFault(spec);

    // Assert
    expect(result).toEqual({ ok: true, fault: spec });
  });

  it.each([
    ['not an object', 'error', /JSON object/],
    ['an array', [], /JSON object/],
    ['an unknown mode', { mode: 'explode' }, /mode must be one of/],
    ['a missing mode', { status: 503 }, /mode must be one of/],
    ['a status below 400', { mode: 'error', status: 200 }, /status/],
    ['a fractional status', { mode: 'error', status: 503.5 }, /status/],
    ['a rate above 1', { mode: 'error', rate: 1.5 }, /rate/],
    ['a rate as a string', { mode: 'error', rate: '1' }, /rate/],
    ['a negative latency', { mode: 'slow', latencyMs: -1 }, /latencyMs/],
    ['a latency beyond ten minutes', { mode: 'slow', latencyMs: 600_001 }, /latencyMs/],
    ['a negative Retry-After', { mode: 'error', retryAfterSeconds: -1 }, /retryAfterSeconds/],
    ['a relative path', { mode: 'error', path: 'api/v1' }, /path/],
    ['an unknown field', { mode: 'error', latency: 5 }, /Unknown fault field\(s\): latency/],
  ])('refuses %s', (_label, input, message) => {
    // Act
    const result = parseFault(input);

    // Assert
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe(FaultSwitch.name, () => {
  afterEach(() => jest.restoreAllMocks());

  it('reports mode ok with defaults when no fault is set', () => {
    // Arrange
    const faults = new FaultSwitch();

    // Act / Assert
    expect(faults.current).toEqual(NO_FAULT);
    expect(faults.pick('/anything')).toBeNull();
  });

  it('applies a fault only to paths under its prefix', () => {
    // Arrange
    const faults = new FaultSwitch();
    faults.set({ mode: 'error', path: '/api/v1/users/u1' });

    // Act / Assert
    expect(faults.pick('/api/v1/users/u1/games')).toMatchObject({ mode: 'error' });
    expect(faults.pick('/api/v1/users/u2/games')).toBeNull();
  });

  it('rolls the rate with Math.random', () => {
    // Arrange
    const faults = new FaultSwitch();
    faults.set({ mode: 'error', rate: 0.3 });
    const random = jest.spyOn(Math, 'random');

    // Act
    random.mockReturnValueOnce(0.29);
    const hit = faults.pick('/x');
    random.mockReturnValueOnce(0.3);
    const miss = faults.pick('/x');

    // Assert
    expect(hit).not.toBeNull();
    expect(miss).toBeNull();
  });

  it('clears the fault with null or mode ok', () => {
    // Arrange
    const faults = new FaultSwitch();

    // Act
    faults.set({ mode: 'down' });
    faults.set({ mode: 'ok' });
    const afterOk = faults.pick('/x');
    faults.set({ mode: 'down' });
    faults.set(null);

    // Assert
    expect(afterOk).toBeNull();
    expect(faults.current).toEqual(NO_FAULT);
  });

  it('throws on an invalid spec and keeps the previous fault', () => {
    // Arrange
    const faults = new FaultSwitch();
    faults.set({ mode: 'error', status: 500 });

    // Act
    const set = () => faults.set({ mode: 'error', rate: 7 });

    // Assert
    expect(set).toThrow(/Invalid fault: rate/);
    expect(faults.current).toMatchObject({ mode: 'error', status: 500 });
  });
});
