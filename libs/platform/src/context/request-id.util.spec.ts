import type { IncomingMessage } from 'node:http';
import { requestIdOf, traceparentOf } from './request-id.util';

const req = (id?: string | string[]) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;

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
    expect(traceparentOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(traceparentOf('garbage')).toBeUndefined();
    expect(traceparentOf(undefined)).toBeUndefined();
  });
});
