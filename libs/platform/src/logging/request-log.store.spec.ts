import pino from 'pino';
import type { Logger } from 'pino';
import { Writable } from 'node:stream';
import { PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { RequestContext } from '@keel/context';
import type { RequestDeadline } from '@keel/context';
import { HttpRequestContext, RequestPinoLogger } from './request-log.store';

const deadline = {} as RequestDeadline;

describe(RequestPinoLogger.name, () => {
  const lines: Array<Record<string, unknown>> = [];
  let previousRoot: Logger;
  let logger: RequestPinoLogger;

  beforeAll(() => {
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk))), cb()) });
    previousRoot = PinoLogger.root;
    (PinoLogger as unknown as { root: Logger }).root = pino(sink);
    logger = new RequestPinoLogger({ pinoHttp: { level: 'silent' } });
  });
  afterAll(() => ((PinoLogger as unknown as { root: Logger }).root = previousRoot));
  beforeEach(() => (lines.length = 0));

  it("logs inside an HTTP request through its reqId child, without entering nestjs-pino's storage", () => {
    // Act
    const seen = RequestContext.run(new HttpRequestContext('req-1', undefined, undefined, deadline), () => {
      logger.info({ step: 1 }, 'inside');
      return storage.getStore();
    });

    // Assert
    expect(seen).toBeUndefined();
    expect(lines).toEqual([expect.objectContaining({ reqId: 'req-1', step: 1, msg: 'inside' })]);
  });

  it('adds what assign() binds to the later lines of that request only', () => {
    // Act
    RequestContext.run(new HttpRequestContext('req-2', undefined, undefined, deadline), () => {
      logger.assign({ userId: 'u1' });
      logger.info('after assign');
    });
    RequestContext.run(new HttpRequestContext('req-3', undefined, undefined, deadline), () => logger.info('other'));

    // Assert
    expect(lines[0]).toMatchObject({ reqId: 'req-2', userId: 'u1', msg: 'after assign' });
    expect(lines[1]).toMatchObject({ reqId: 'req-3', msg: 'other' });
    expect(lines[1]).not.toHaveProperty('userId');
  });

  it("gives a context that is not an HTTP request's (a scheduled job's) no request logger", () => {
    // Act
    const assign = RequestContext.run({ requestId: 'job:sync' }, () => {
      expect(logger.logger).not.toBe(PinoLogger.root);
      return () => logger.assign({ a: 1 });
    });

    // Assert
    expect(() => RequestContext.run({ requestId: 'job:sync' }, assign)).toThrow(/out of request scope/);
    expect(lines).toEqual([]);
  });
});
