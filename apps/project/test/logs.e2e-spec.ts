import { captureProcessOutput, signTestToken } from '@keel/platform/testing';
import type { CapturedOutput } from '@keel/platform/testing';
import { startProjectTestBed } from './project-test.setup';
import type { ProjectTestBed } from './project-test.setup';
import { callJson as call } from '@keel/platform/testing';

/** The caller's JWT is forwarded to user-service and knowledge, and must never reach a log line. */
describe('project logs (e2e)', () => {
  let bed: ProjectTestBed;
  let output: CapturedOutput;

  beforeAll(async () => {
    output = captureProcessOutput();
    bed = await startProjectTestBed({ LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    await bed?.close();
    output.restore();
  });

  it('logs requests, refusals and downstream faults without any bearer token', async () => {
    const token = await signTestToken({ sub: 'u1' });
    const expired = await signTestToken({ sub: 'u1', expiresIn: -60 });
    const url = bed.service.url;

    const created = await call(url, 'POST', '/api/v1/projects', { token, body: { name: 'Logged' } });
    const linked = await call(url, 'POST', `/api/v1/projects/${created.body.id}/resources`, {
      token,
      body: { resourceId: 'k1' },
    });
    await bed.inject('knowledge', { mode: 'error', status: 503 });
    const degraded = await call(url, 'GET', `/api/v1/projects/${created.body.id}/resources`, { token });
    await bed.inject('user', { mode: 'down' });
    const outage = await call(url, 'POST', '/api/v1/projects', { token, body: { name: 'During outage' } });
    const refused = await call(url, 'GET', '/api/v1/projects', { token: expired });
    await bed.heal('knowledge');
    await bed.heal('user');
    const logs = output.text();

    expect([created.status, linked.status, degraded.status, outage.status, refused.status]).toEqual([
      201, 201, 200, 503, 401,
    ]);
    expect(logs).toContain('request completed');
    expect(logs).toContain('"downstream":"user"');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(expired);
    expect(logs).not.toContain(token.split('.')[2]);
    expect(logs).not.toContain(expired.split('.')[2]);
  });
});
