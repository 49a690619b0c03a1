import { isolateDatabaseUrl } from '@keel/persistence/testing';
import { startTestService } from '@keel/platform/testing';
import type { TestService } from '@keel/platform/testing';
import { sandboxControl, startLibraryEmulator, startTcpBlackhole } from '@keel/sandbox';
import type { FaultSpec, RunningEmulator, TcpBlackhole } from '@keel/sandbox';
import { AppModule } from '../src/app/app.module';

export interface DownloadTestBed {
  service: TestService;
  library: RunningEmulator;
  /** The TCP fault between the service and the library, when the bed was started with one. */
  tcp?: TcpBlackhole;
  inject(fault: FaultSpec): Promise<void>;
  heal(): Promise<void>;
  libraryRequests(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Boots the real download service on 127.0.0.1:0 against a real library emulator. Storage: the
 * machine's Postgres in a schema of this run's own when DATABASE_URL is set (CI), else in-memory PGlite.
 */
export async function startDownloadTestBed(
  env: Record<string, string> = {},
  options: { tcpFault?: boolean; env?: (libraryUrl: string) => Record<string, string> } = {},
): Promise<DownloadTestBed> {
  const library = await startLibraryEmulator({ port: 0 });
  const tcp = options.tcpFault ? await startTcpBlackhole(Number(new URL(library.url).port)) : undefined;
  const database = isolateDatabaseUrl();
  Object.assign(process.env, {
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    DOWNLOAD_DATA_DIR: 'memory://',
    LIBRARY_SERVICE_URL: tcp?.url ?? library.url,
    LIBRARY_SERVICE_TIMEOUT: '500ms',
    LIBRARY_SERVICE_RETRY_DELAY: '5ms',
    LIBRARY_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1s',
    ...env,
    ...options.env?.(library.url),
  });
  const service = await startTestService(AppModule, { name: 'download' });
  const control = sandboxControl(library.url);
  return {
    service,
    library,
    tcp,
    inject: (fault) => control.inject(fault),
    heal: () => control.heal(),
    libraryRequests: async () => (await control.stats()).requests,
    close: async () => {
      await service.close();
      await tcp?.close();
      await library.close();
      await database.release();
    },
  };
}
