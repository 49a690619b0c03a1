import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { ProjectClient, ProjectClientModule } from '@keel/clients-project';
import { RequestContext } from '@keel/context';
import { isolateDatabaseUrl } from '@keel/persistence/testing';
import { startTestService } from '@keel/platform/testing';
import type { TestService } from '@keel/platform/testing';
import { ResilienceModule } from '@keel/resilience';
import { USER_SEED, sandboxControl, startKnowledgeEmulator, startUserEmulator } from '@keel/sandbox';
import type { FaultSpec, RunningEmulator } from '@keel/sandbox';
import { AppModule } from '../src/app/app.module';

/** u4 joins the seed (u1, u2 members; u3 deactivated; admin1 admin) so a test can add a fresh member. */
export const TEST_USERS = {
  users: [
    ...USER_SEED.users,
    { id: 'u4', email: 'u4@example.com', displayName: 'Barbara', roles: ['member'], active: true },
  ],
};

export type Downstream = 'user' | 'knowledge';

export interface ProjectTestBed {
  service: TestService;
  user: RunningEmulator;
  knowledge: RunningEmulator;
  /** The typed client of this service (@keel/clients-project), pointed at it. */
  client: ProjectClient;
  /** Runs `fn` as the bearer of `token`, as a calling service would inside a request. */
  as<T>(token: string, fn: (client: ProjectClient) => Promise<T>): Promise<T>;
  inject(downstream: Downstream, fault: FaultSpec): Promise<void>;
  heal(downstream: Downstream): Promise<void>;
  requests(downstream: Downstream): Promise<number>;
  close(): Promise<void>;
}

/**
 * Boots the real project service on 127.0.0.1:0 against real user and knowledge emulators, plus a
 * small Nest module holding the project client. Storage: the machine's Postgres in a schema of this
 * run's own when DATABASE_URL is set (CI), else in-memory PGlite.
 */
export async function startProjectTestBed(env: Record<string, string> = {}): Promise<ProjectTestBed> {
  const [user, knowledge] = await Promise.all([
    startUserEmulator({ port: 0, seed: TEST_USERS }),
    startKnowledgeEmulator({ port: 0 }),
  ]);
  const database = isolateDatabaseUrl();
  Object.assign(process.env, {
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    PROJECT_DATA_DIR: 'memory://',
    USER_SERVICE_URL: user.url,
    USER_SERVICE_TIMEOUT: '500ms',
    USER_SERVICE_RETRY_DELAY: '5ms',
    USER_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1s',
    KNOWLEDGE_SERVICE_URL: knowledge.url,
    KNOWLEDGE_SERVICE_TIMEOUT: '500ms',
    KNOWLEDGE_SERVICE_RETRY_DELAY: '5ms',
    KNOWLEDGE_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1s',
    ...env,
  });
  const service = await startTestService(AppModule, { name: 'project' });
  process.env.PROJECT_SERVICE_URL = service.url;
  process.env.PROJECT_SERVICE_TIMEOUT = '5s';
  const clientModule: TestingModule = await Test.createTestingModule({
    imports: [ResilienceModule.forRoot({}), ProjectClientModule],
  }).compile();
  await clientModule.init();
  const client = clientModule.get(ProjectClient);
  const control = { user: sandboxControl(user.url), knowledge: sandboxControl(knowledge.url) };
  let requestNo = 0;
  return {
    service,
    user,
    knowledge,
    client,
    as: (token, fn) => RequestContext.run({ requestId: `e2e-${++requestNo}`, token }, () => fn(client)),
    inject: (downstream, fault) => control[downstream].inject(fault),
    heal: (downstream) => control[downstream].heal(),
    requests: async (downstream) => (await control[downstream].stats()).requests,
    close: async () => {
      await clientModule.close();
      await service.close();
      await Promise.all([user.close(), knowledge.close()]);
      await database.release();
    },
  };
}
