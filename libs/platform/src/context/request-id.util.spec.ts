import type { IncomingMessage } from 'node:http';
import { newTraceparent, requestIdOf, traceIdOf, traceparentOf } from './request-id.util';

const req = (id?: string | string[]) =>
  ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;

describe('requestIdOf', () => {
  it("keeps a caller's plain id and replaces anything else with a UUID", () => {
    expect(requestIdOf(req('abc-123'))).toBe('abc-123');
    expect(requestIdOf(req())).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(req('x'.repeat(129)))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(req('evil\nline'))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(req(['a', 'b']))).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('traceparentOf', () => {
  it('passes a W3C traceparent and drops a malformed one', () => {
    expect(traceparentOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
    expect(traceparentOf('garbage')).toBeUndefined();
    expect(traceparentOf(undefined)).toBeUndefined();
  });

  it.each([
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['the forbidden version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['upper-case hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'],
  ])('drops a traceparent with %s (invalid per W3C trace-context)', (_name, header) => {
    expect(traceparentOf(header)).toBeUndefined();
  });
});

describe('newTraceparent', () => {
  it('starts a valid, unsampled trace with fresh ids each time', () => {
    const first = newTraceparent();
    const second = newTraceparent();

    expect(traceparentOf(first)).toBe(first);
    expect(first).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-00$/);
    expect(traceIdOf(first)).not.toBe(traceIdOf(second));
  });

  it('never repeats an id across many traces (the random pool refills, it does not wrap)', () => {
    const traces = Array.from({ length: 1000 }, () => newTraceparent());

    expect(new Set(traces.map(traceIdOf)).size).toBe(1000);
    expect(new Set(traces.map((t) => t.slice(36, 52))).size).toBe(1000);
    for (const trace of traces) expect(traceparentOf(trace)).toBe(trace);
  });
});

describe('traceIdOf', () => {
  it('reads the trace id', () => {
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });
});
