import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import { UserClient } from './user.client';

const USER = { id: 'a b', email: 'e', displayName: 'D', roles: ['member'], active: false };

describe(UserClient.name, () => {
  const setup = () => {
    const http = fakeHttpClient('user');
    return { http, client: new UserClient(http.client) };
  };

  describe('getUser', () => {
    it('answers 200 with the contract fields of a user, at the encoded path', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { ...USER, password: 'x' });

      // Act
      const user = await client.getUser('a b');

      // Assert
      expect(user).toEqual(USER);
      expect(http.calls[0]).toMatchObject({ operation: 'getUser', path: '/api/v1/users/a%20b' });
    });

    it('answers 404 with undefined', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(404);

      // Act / Assert
      await expect(client.getUser('ghost')).resolves.toBeUndefined();
    });

    it('throws DownstreamContractError naming a mis-shaped field', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { ...USER, active: 'yes' });

      // Act
      const error = await client.getUser('u1').catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual(['body.active: expected boolean, got string']);
    });

    it('throws DownstreamRejectedError for an undeclared 4xx and DownstreamUnavailableError for a 5xx', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(401, { title: 'Unauthorized' });
      const rejected = await client.getUser('u1').catch((e: unknown) => e);
      http.answer(502);
      const down = await client.getUser('u1').catch((e: unknown) => e);

      // Assert
      expect(rejected).toMatchObject({ status: 401 });
      expect(rejected).toBeInstanceOf(DownstreamRejectedError);
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('getRoles', () => {
    it('answers 200 with the roles and 404 with undefined', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(200, { roles: ['admin'] });
      const roles = await client.getRoles('u1');
      http.answer(404);
      const unknown = await client.getRoles('ghost');

      // Assert
      expect(roles).toEqual(['admin']);
      expect(unknown).toBeUndefined();
      expect(http.calls[0]).toMatchObject({ operation: 'getRoles', path: '/api/v1/users/u1/roles' });
    });

    it('throws DownstreamContractError for roles that are not strings', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { roles: [1] });

      // Act
      const error = await client.getRoles('u1').catch((e: unknown) => e);

      // Assert
      expect((error as DownstreamContractError).violations).toEqual(['body.roles[0]: expected string, got number']);
    });

    it('throws DownstreamRejectedError for a 403 and DownstreamUnavailableError for a 503', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(403);
      const rejected = await client.getRoles('u1').catch((e: unknown) => e);
      http.answer(503);
      const down = await client.getRoles('u1').catch((e: unknown) => e);

      // Assert
      expect(rejected).toBeInstanceOf(DownstreamRejectedError);
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });
});
