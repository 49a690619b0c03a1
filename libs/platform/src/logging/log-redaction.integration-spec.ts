import { Module } from '@nestjs/common';
import { PlatformModule } from '../platform.module';
import { DbErrorController } from '../test-fixtures/db-error.controller';
import { FixtureController } from '../test-fixtures/fixture.controller';
import { ContextProbeService } from '../test-fixtures/context-probe.service';
import { captureProcessOutput, startTestService } from '../testing';
import type { CapturedOutput, TestService } from '../testing';

@Module({
  imports: [PlatformModule.forRoot({ service: 'log-fixture' })],
  controllers: [FixtureController, DbErrorController],
  providers: [ContextProbeService],
})
class LogFixtureModule {}

/** The real service's log lines (pino through nestjs-pino and the problem filter), captured from fd 1. */
describe('what a service logs (redaction)', () => {
  let service: TestService;
  let output: CapturedOutput;

  beforeAll(async () => {
    output = captureProcessOutput();
    service = await startTestService(LogFixtureModule);
  });

  afterAll(async () => {
    await service?.close();
    output.restore();
  });

  it('redacts credentials in the request URL and query, keeping the other parameters', async () => {
    // Arrange
    const query = 'access_token=AT-SECRET-1&apikey=AK-SECRET-2&Password=PW-SECRET-3&sig=SG-SECRET-4&page=7';

    // Act
    const ok = await fetch(`${service.url}/api/v1/fixture/public?${query}`);
    const missing = await fetch(`${service.url}/api/v1/nowhere?token=TK-SECRET-5`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const logs = output.text();

    // Assert
    expect([ok.status, missing.status]).toEqual([200, 404]);
    expect(logs).toContain('request completed');
    for (const secret of ['AT-SECRET-1', 'AK-SECRET-2', 'PW-SECRET-3', 'SG-SECRET-4', 'TK-SECRET-5'])
      expect(logs).not.toContain(secret);
    expect(logs).toContain('access_token=[redacted]&apikey=[redacted]&Password=[redacted]&sig=[redacted]&page=7');
    expect(logs).toContain('"page":"7"');
    expect(logs).toContain('"access_token":"[redacted]"');
  });

  it('logs a failed query: statement and error, not values (DrizzleQueryError params, Postgres detail)', async () => {
    // Arrange
    const email = 'someone.private@example.com';
    const notUuid = 'private-diary-entry';

    // Act
    const duplicate = await fetch(`${service.url}/api/v1/fixture/db-error/unique?value=${encodeURIComponent(email)}`);
    const malformed = await fetch(`${service.url}/api/v1/fixture/db-error/uuid?value=${notUuid}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const errorLines = output
      .text()
      .split('\n')
      .filter((line) => line.includes('unhandled exception'));

    // Assert
    expect([duplicate.status, malformed.status]).toEqual([500, 500]);
    expect(errorLines).toHaveLength(2);
    const logged = errorLines.join('\n');
    expect(logged).toContain('insert into people (email) values ($1)');
    expect(logged).toContain('select $1::uuid as id');
    expect(logged).toContain('params: [redacted]');
    expect(logged).toContain('duplicate key value violates unique constraint');
    expect(logged).toContain('invalid input syntax for type uuid');
    // The request line's query is not the point here: only the error lines are checked.
    expect(logged).not.toContain(email);
    expect(logged).not.toContain(notUuid);
  });
  it('writes an access line per request: request id, trace id, request, status; 5xx at warn; no probes', async () => {
    // Arrange
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const headers = { 'x-request-id': 'access-line-1', traceparent: `00-${traceId}-00f067aa0ba902b7-01` };

    // Act
    const ok = await fetch(`${service.url}/api/v1/fixture/public?page=2`, { headers });
    const boom = await fetch(`${service.url}/api/v1/fixture/db-error/uuid?value=x`, {
      headers: { ...headers, 'x-request-id': 'access-line-2' },
    });
    const probe = await fetch(`${service.url}/api/health/live`, {
      headers: { ...headers, 'x-request-id': 'access-line-3' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = output
      .text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map(
        (line) =>
          JSON.parse(line) as {
            level: number;
            msg: string;
            reqId?: string;
            traceId?: string;
            req?: Record<string, unknown>;
            res?: { statusCode: number };
            responseTime?: number;
          },
      );
    const access = (id: string) => lines.filter((line) => line.msg === 'request completed' && line.reqId === id);

    // Assert
    expect([ok.status, boom.status, probe.status]).toEqual([200, 500, 200]);
    expect(access('access-line-1')).toEqual([
      expect.objectContaining({
        level: 30,
        traceId,
        req: expect.objectContaining({
          id: 'access-line-1',
          method: 'GET',
          url: '/api/v1/fixture/public?page=2',
          query: { page: '2' },
        }),
        res: expect.objectContaining({ statusCode: 200 }),
        responseTime: expect.any(Number),
      }),
    ]);
    expect(access('access-line-2')).toEqual([
      expect.objectContaining({ level: 40, traceId, res: expect.objectContaining({ statusCode: 500 }) }),
    ]);
    expect(access('access-line-2')[0]).not.toHaveProperty('err');
    // The problem filter's line, written inside the request, carries its id too.
    expect(
      lines.some((line) => line.reqId === 'access-line-2' && line.msg !== 'request completed' && line.level >= 50),
    ).toBe(true);
    expect(access('access-line-3')).toEqual([]);
  });
});
