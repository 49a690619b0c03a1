import { call } from '../test-fixtures/http-call';
import { TestAppModule } from '../test-fixtures/test-app.module';
import { signTestToken, startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

/**
 * `@Roles(rolesSetting('FIXTURE_WRITE_ROLES', ['editor', 'admin']))`: the roles come from the environment at start-up.
 */
describe('@Roles with a configured role list, over HTTP', () => {
  afterEach(() => {
    delete process.env['FIXTURE_WRITE_ROLES'];
  });

  const statusAs = async (service: TestService, roles: string[]) =>
    (await call(service.url, '/api/v1/roles/editor', { token: await signTestToken({ sub: 'u1', roles }) })).status;

  it('takes the default roles when the variable is unset, and refuses others with 403 problem+json', async () => {
    const service = await startTestService(TestAppModule);
    try {
      const refused = await call(service.url, '/api/v1/roles/editor', {
        token: await signTestToken({ sub: 'u1', roles: ['member'] }),
      });

      expect(await statusAs(service, ['editor'])).toBe(200);
      expect(await statusAs(service, ['admin'])).toBe(200);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(refused.body).toMatchObject({ status: 403, detail: 'requires the role editor or admin' });
    } finally {
      await service.close();
    }
  });

  it('takes the roles the variable lists instead', async () => {
    process.env['FIXTURE_WRITE_ROLES'] = ' curator , ops:write ';
    const service = await startTestService(TestAppModule);
    try {
      expect(await statusAs(service, ['curator'])).toBe(200);
      expect(await statusAs(service, ['ops:write'])).toBe(200);
      expect(await statusAs(service, ['editor'])).toBe(403);
      expect(await statusAs(service, ['admin'])).toBe(403);
    } finally {
      await service.close();
    }
  });

  it('refuses to start with a malformed list, naming the variable', async () => {
    process.env['FIXTURE_WRITE_ROLES'] = 'curator,,ops';

    await expect(startTestService(TestAppModule)).rejects.toThrow(
      /FIXTURE_WRITE_ROLES must be a comma list of role names/,
    );
  });
});
