import { Injectable } from '@nestjs/common';
import { InjectHttpClient, ResilientHttpClient, checkShape, encodePath } from '@keel/clients-core';
import type { HttpAnswer } from '@keel/clients-core';
import { USER } from './user.constants';
import type { User } from './user.types';

const USER_SHAPE = {
  id: 'string',
  email: 'string',
  displayName: 'string',
  roles: 'string[]',
  active: 'boolean',
} as const;
const ROLES_SHAPE = { roles: 'string[]' } as const;

/** Typed client of the user service. It forwards the caller's token, which the service requires. */
@Injectable()
export class UserClient {
  constructor(@InjectHttpClient(USER) private readonly http: ResilientHttpClient) {}

  /** The user `id`, deactivated ones included (`active: false`); `undefined` when unknown (404). */
  async getUser(id: string, signal?: AbortSignal): Promise<User | undefined> {
    const answer = await this.http.send({ operation: 'getUser', path: encodePath`/api/v1/users/${id}`, signal });
    if (this.unknown(answer)) return undefined;
    return this.http.parse(answer, (body) => {
      const user = checkShape<User>(USER, body, USER_SHAPE);
      return { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, active: user.active };
    });
  }

  /** The roles of user `id`; `undefined` when unknown (404). */
  async getRoles(id: string, signal?: AbortSignal): Promise<string[] | undefined> {
    const answer = await this.http.send({ operation: 'getRoles', path: encodePath`/api/v1/users/${id}/roles`, signal });
    if (this.unknown(answer)) return undefined;
    return this.http.parse(answer, (body) => checkShape<{ roles: string[] }>(USER, body, ROLES_SHAPE).roles);
  }

  /** True for a 404; throws DownstreamRejectedError for any other answer that is not a success. */
  private unknown(answer: HttpAnswer): boolean {
    if (answer.status === 404) return true;
    if (answer.status >= 300) throw this.http.rejected(answer);
    return false;
  }
}
