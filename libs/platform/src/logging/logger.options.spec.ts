import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS, logLevel, loggerOptions, traceIdMixin } from './logger.options';

describe('loggerOptions', () => {
  it('reads LOG_LEVEL (default info, silent allowed) and refuses an unknown level', () => {
    expect(logLevel({})).toBe('info');
    expect(logLevel({ LOG_LEVEL: 'SILENT' })).toBe('silent');
    expect(() => logLevel({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL must be one of/);
  });

  it('registers no Nest middleware: watchRequestLog does the per-request part', () => {
    expect(loggerOptions({}).forRoutes).toEqual([]);
  });

  it('redacts credentials from request and response headers', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);

    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret', cookie: 'sid=1', 'x-api-key': 'k', accept: '*/*' } },
        res: { headers: { 'set-cookie': 'sid=2' } },
      },
      'request completed',
    );

    const line = JSON.parse(lines[0]);
    expect(line.req.headers).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-api-key': '[redacted]',
      accept: '*/*',
    });
    expect(line.res.headers['set-cookie']).toBe('[redacted]');
    expect(lines[0]).not.toContain('eyJ.secret');
  });

  it('keeps the fields of one line outside a request out of the next (the mixin object is never shared)', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const logger = pino({ mixin: traceIdMixin }, sink);

    logger.info({ downstream: 'library' }, 'first');
    logger.info({ service: 'download' }, 'second');

    const second = JSON.parse(lines[1]);
    expect(second).toMatchObject({ msg: 'second', service: 'download' });
    expect(second).not.toHaveProperty('downstream');
  });
});
