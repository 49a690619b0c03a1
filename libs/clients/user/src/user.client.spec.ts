import { DownstreamContractError, ResilientHttpClient } from '@keel/clients-core';
import type { HttpAnswer, HttpCall } from '@keel/clients-core';
import { UserClient } from './user.client';

/** The real ResilientHttpClient parsing, with `send` answering a canned body (no pipeline, no socket). */
function clientAnswering(status: number, body: unknown): { client: UserClient; calls: HttpCall[] } {
  const calls: HttpCall[] = [];
  const http = Object.assign(Object.create(ResilientHttpClient.prototype) as ResilientHttpClient, {
    config: { name: 'user' },
    send: async (call: HttpCall): Promise<HttpAnswer> => {
      calls.push(call);
      return { status, headers: {}, text: JSON.stringify(body) };
    },
  });
  return { client: new UserClient(http), calls };
}

describe(UserClient.name, () => {
  it('keeps only the contract fields of a user and encodes the id', async () => {
    // Arrange
    const { client, calls } = clientAnswering(200, {
      id: 'a b',
      email: 'e',
      displayName: 'D',
      roles: ['member'],
      active: false,
      password: 'x',
    });

    // Act
    const user = await client.getUser('a b');

    // Assert
    expect(user).toEqual({ id: 'a b', email: 'e', displayName: 'D', roles: ['member'], active: false });
    expect(calls[0]).toMatchObject({ operation: 'getUser', path: '/api/v1/users/a%20b' });
  });

  it.each([
    [
      'active as a string',
      () =>
        clientAnswering(200, { id: 'u1', email: 'e', displayName: 'D', roles: [], active: 'yes' }).client.getUser('u1'),
      'body.active: expected boolean, got string',
    ],
    [
      'roles that are not strings',
      () => clientAnswering(200, { roles: [1] }).client.getRoles('u1'),
      'body.roles: expected string[], got array',
    ],
  ])('rejects %s as a contract error', async (_label, call, violation) => {
    // Act
    const error = await call().catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toEqual([violation]);
  });
});
