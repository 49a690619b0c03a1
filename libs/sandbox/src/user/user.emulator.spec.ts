import type { RunningEmulator } from '../kernel/emulator.types';
import { BEARER, http } from '../testing/http-client';
import { startUserEmulator } from './user.emulator';
import { USER_SEED } from './user.seed';

describe(startUserEmulator.name, () => {
  let users: RunningEmulator;
  const get = (path: string, headers: Record<string, string> = BEARER) => http(`${users.url}${path}`, { headers });

  beforeAll(async () => {
    users = await startUserEmulator();
  });

  afterAll(async () => {
    await users.close();
  });

  beforeEach(() => {
    users.setFaults(null);
    users.resetStats();
  });

  describe('seed', () => {
    it('holds members, a deactivated user and an admin', () => {
      // Assert
      expect(USER_SEED.users.map((user) => user.id)).toEqual(['u1', 'u2', 'u3', 'admin1']);
      expect(USER_SEED.users.filter((user) => !user.active).map((user) => user.id)).toEqual(['u3']);
      expect(USER_SEED.users.filter((user) => user.roles.includes('admin')).map((user) => user.id)).toEqual(['admin1']);
      expect(Object.isFrozen(USER_SEED.users[0].roles)).toBe(true);
    });
  });

  describe('GET /api/v1/users/:id', () => {
    it('answers the contract example for u1', async () => {
      // Act
      const res = await get('/api/v1/users/u1');

      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json()).toEqual({
        id: 'u1',
        email: 'a@example.com',
        displayName: 'Ada',
        roles: ['member'],
        active: true,
      });
    });

    it('answers a deactivated user with active false', async () => {
      // Act
      const res = await get('/api/v1/users/u3');

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ id: 'u3', active: false });
    });

    it('answers 404 problem+json for an unknown user', async () => {
      // Act
      const res = await get('/api/v1/users/nobody');

      // Assert
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json()).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: "User 'nobody' not found",
      });
    });

    it('decodes encoded ids', async () => {
      // Act
      const res = await get(`/api/v1/users/${encodeURIComponent('u 1/x')}`);

      // Assert
      expect(res.status).toBe(404);
      expect(res.json().detail).toBe("User 'u 1/x' not found");
    });
  });

  describe('GET /api/v1/users/:id/roles', () => {
    it.each([
      ['u1', ['member']],
      ['admin1', ['member', 'admin']],
    ])('answers the roles of %s', async (id, roles) => {
      // Act
      const res = await get(`/api/v1/users/${id}/roles`);

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ roles });
    });

    it('answers 404 for an unknown user', async () => {
      // Act
      const res = await get('/api/v1/users/ghost/roles');

      // Assert
      expect(res.status).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, detail: "User 'ghost' not found" });
    });
  });

  it('replaces the seed when given one', async () => {
    // Arrange
    const custom = await startUserEmulator({
      seed: { users: [{ id: 'x', email: 'x@example.com', displayName: 'X', roles: [], active: true }] },
    });

    // Act
    const found = await http(`${custom.url}/api/v1/users/x/roles`, { headers: BEARER });
    const gone = await http(`${custom.url}/api/v1/users/u1`, { headers: BEARER });
    await custom.close();

    // Assert
    expect(found.json()).toEqual({ roles: [] });
    expect(gone.status).toBe(404);
  });

  it('refuses a seed with a duplicate id', () => {
    // Arrange
    const user = USER_SEED.users[0];

    // Act / Assert
    expect(() => startUserEmulator({ seed: { users: [user, user] } })).toThrow("duplicate user 'u1'");
  });

  describe('authorization', () => {
    it.each([
      ['no Authorization header', {}],
      ['a Basic credential', { authorization: 'Basic dTE6cHc=' }],
    ])('answers 401 problem+json with %s', async (_label, headers) => {
      // Act
      const user = await get('/api/v1/users/u1', headers);
      const roles = await get('/api/v1/users/u1/roles', headers);

      // Assert
      for (const res of [user, roles]) {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    });
  });

  describe('GET /health', () => {
    it('answers ok without a token, and 503 under an error fault', async () => {
      // Act
      const ok = await get('/health', {});
      users.setFaults({ mode: 'error', path: '/health' });
      const faulted = await get('/health', {});
      const api = await get('/api/v1/users/u1');

      // Assert
      expect(ok.status).toBe(200);
      expect(ok.json()).toEqual({ status: 'ok' });
      expect(faulted.status).toBe(503);
      expect(api.status).toBe(200);
    });
  });

  describe('fault control API', () => {
    it('applies faults set over HTTP and counts what reached it', async () => {
      // Arrange
      const put = await http(`${users.url}/_sandbox/faults`, {
        method: 'PUT',
        body: { mode: 'malformed', path: '/api/v1/users/u2' },
      });

      // Act
      const malformed = await get('/api/v1/users/u2');
      const healthy = await get('/api/v1/users/u1');
      const stats = (await http(`${users.url}/_sandbox/stats`)).json();
      const cleared = await http(`${users.url}/_sandbox/faults`, { method: 'DELETE' });

      // Assert
      expect(put.status).toBeLessThan(300);
      expect(malformed.status).toBe(200);
      expect(() => malformed.json()).toThrow(SyntaxError);
      expect(healthy.json()).toMatchObject({ id: 'u1' });
      expect(stats).toMatchObject({
        requests: 2,
        byPath: { '/api/v1/users/u2': 1, '/api/v1/users/u1': 1 },
        faulted: { malformed: 1 },
      });
      expect(cleared.status).toBeLessThan(300);
      expect(users.getFaults().mode).toBe('ok');
    });
  });
});
