import { Injectable } from '@nestjs/common';
import { InjectHttpClient, ResilientHttpClient, encodePath } from '@keel/clients-core';
import { USER } from './user.constants';
import { RolesSchema, UserSchema } from './user.schemas';
import type { User } from './user.schemas';

/** Typed client of the user service. It forwards the caller's token, which the service requires. */
@Injectable()
export class UserClient {
  constructor(@InjectHttpClient(USER) private readonly http: ResilientHttpClient) {}

  /** The user `id`, deactivated ones included (`active: false`); `undefined` when unknown (404). */
  async getUser(id: string): Promise<User | undefined> {
    const { body } = await this.http.call({
      operation: 'getUser',
      path: encodePath`/api/v1/users/${id}`,
      answers: { 200: UserSchema, 404: null },
    });
    return body;
  }

  /** The roles of user `id`; `undefined` when unknown (404). */
  async getRoles(id: string): Promise<string[] | undefined> {
    const { body } = await this.http.call({
      operation: 'getRoles',
      path: encodePath`/api/v1/users/${id}/roles`,
      answers: { 200: RolesSchema, 404: null },
    });
    return body?.roles;
  }
}
