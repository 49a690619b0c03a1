import { InvalidServiceConfigError, resolveServiceConfig } from '@keel/clients-core';
import { USER } from './user.constants';

describe(`${USER} service config`, () => {
  it('has no default address: unset, USER_SERVICE_URL is named in the start-up error', () => {
    // Act
    const resolve = () => resolveServiceConfig(USER, {});

    // Assert
    expect(resolve).toThrow(InvalidServiceConfigError);
    expect(resolve).toThrow(/^USER_SERVICE_URL=/);
  });

  it('builds the base URL from USER_SERVICE_HOST, _PORT and _PROTOCOL', () => {
    // Act
    const config = resolveServiceConfig(USER, {
      USER_SERVICE_HOST: 'users.internal',
      USER_SERVICE_PORT: '8443',
      USER_SERVICE_PROTOCOL: 'https',
    });

    // Assert
    expect(config.urls).toEqual(['https://users.internal:8443']);
  });

  it('prefers USER_SERVICE_URL over the parts', () => {
    // Act
    const config = resolveServiceConfig(USER, {
      USER_SERVICE_URL: 'http://users.example.com/',
      USER_SERVICE_HOST: 'ignored',
    });

    // Assert
    expect(config.urls).toEqual(['http://users.example.com']);
  });

  it('names the variable when a part is malformed', () => {
    // Act / Assert
    expect(() => resolveServiceConfig(USER, { USER_SERVICE_PROTOCOL: 'ftp' })).toThrow(InvalidServiceConfigError);
    expect(() => resolveServiceConfig(USER, { USER_SERVICE_PORT: '70000' })).toThrow(/USER_SERVICE_PORT/);
  });
});
