import diagnostics from 'node:diagnostics_channel';
import path from 'node:path';
import { callJson as call, signTestToken } from '@keel/platform/testing';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Our files on the call stack at the moment undici creates the library request, each once, from the
 * socket up: the hands a reader follows from the controller to the wire. A frame of ours is a source path
 * under the repository, outside node_modules.
 */
function ourFilesOnStack(stack: string): string[] {
  const files: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const file = /\(?(\/[^():]+\.ts):\d+:\d+\)?$/.exec(line.trim())?.[1];
    if (!file || file.includes('/node_modules/') || !file.startsWith(ROOT) || file === __filename) continue;
    const relative = path.relative(ROOT, file);
    if (!files.includes(relative)) files.push(relative);
  }
  return files;
}

describe('POST /api/v1/downloads, controller to socket', () => {
  let bed: DownloadTestBed;
  let token: string;

  beforeAll(async () => {
    bed = await startDownloadTestBed();
    token = await signTestToken({ sub: 'u1' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('reaches the library’s socket through five of our files, in one tick', async () => {
    // Arrange
    const stacks: string[] = [];
    const onRequest = (message: unknown) => {
      if (!(message as { request: { path: string } }).request.path.endsWith('/ownership')) return;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = Infinity;
      stacks.push(new Error().stack ?? '');
      Error.stackTraceLimit = limit;
    };
    diagnostics.subscribe('undici:request:create', onRequest);

    // Act
    const answer = await call(bed.service.url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' } });
    diagnostics.unsubscribe('undici:request:create', onRequest);

    // Assert: the breaker (the replica's own, or the fleet's with REDIS_URL) and the attempt's timeout
    // are gates the pipeline asks, so neither is on the stack; the client's own file appears on both
    // sides of the pipeline, counted once.
    expect(answer.status).toBe(201);
    expect(stacks).toHaveLength(1);
    expect(ourFilesOnStack(stacks[0])).toEqual([
      'libs/clients/core/src/http/resilient-http-client.ts',
      'libs/resilience/src/policy/resilience-pipeline.ts',
      'libs/clients/library/src/library.client.ts',
      'apps/download/src/app/downloads/downloads.service.ts',
      'apps/download/src/app/downloads/downloads.controller.ts',
    ]);
  });
});
