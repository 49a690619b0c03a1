import { isolateDatabaseUrl } from '@keel/persistence/testing';
import { startTestService } from '@keel/platform/testing';
import type { TestService } from '@keel/platform/testing';
import { startLibraryEmulator } from '@keel/sandbox';
import type { FaultSpec, RunningEmulator } from '@keel/sandbox';
import { AppModule } from '../src/app/app.module';

export interface DownloadTestBed {
  service: TestService;
  library: RunningEmulator;
  inject(fault: FaultSpec): Promise<void>;
  heal(): Promise<void>;
  libraryRequests(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Boots the real download service on 127.0.0.1:0 against a real library emulator. Storage: the
 * machine's Postgres in a schema of this run's own when DATABASE_URL is set (CI), else in-memory PGlite.
 */
export async function startDownloadTestBed(env: Record<string, string> = {}): Promise<DownloadTestBed> {
  const library = await startLibraryEmulator({ port: 0 });
  const database = isolateDatabaseUrl();
  Object.assign(process.env, {
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    DOWNLOAD_DATA_DIR: 'memory://',
    LIBRARY_SERVICE_URL: library.url,
    LIBRARY_SERVICE_TIMEOUT: '500ms',
    LIBRARY_SERVICE_RETRY_DELAY: '5ms',
    LIBRARY_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1s',
    ...env,
  });
  const service = await startTestService(AppModule, { name: 'download' });
  const control = async (method: string, body?: FaultSpec) => {
    const response = await fetch(`${library.url}/_sandbox/faults`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`fault control answered ${response.status}`);
  };
  return {
    service,
    library,
    inject: (fault) => control('PUT', fault),
    heal: () => control('DELETE'),
    libraryRequests: async () => ((await (await fetch(`${library.url}/_sandbox/stats`)).json()) as { requests: number }).requests,
    close: async () => {
      await service.close();
      await library.close();
      await database.release();
    },
  };
}
