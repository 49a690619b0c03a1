import { InvalidServiceConfigError, resolveServiceConfig } from '@keel/clients-core';
import { USER } from './user.constants';

describe(`${USER} service config`, () => {
  it('defaults to the sandbox emulator on 3103', () => {
    // Act
    const config = resolveServiceConfig(USER, {});

    // Assert
    expect(config.urls).toEqual(['http://127.0.0.1:3103']);
  });

  it('builds the base URL from USER_SERVICE_HOST, _PORT and _PROTOCOL', () => {
    // Act
    const config = resolveServiceConfig(USER, { USER_SERVICE_HOST: 'users.internal', USER_SERVICE_PORT: '8443', USER_SERVICE_PROTOCOL: 'https' });

    // Assert
    expect(config.urls).toEqual(['https://users.internal:8443']);
  });

  it('prefers USER_SERVICE_URL over the parts', () => {
    // Act
    const config = resolveServiceConfig(USER, { USER_SERVICE_URL: 'http://users.example.com/', USER_SERVICE_HOST: 'ignored' });

    // Assert
    expect(config.urls).toEqual(['http://users.example.com']);
  });

  it('names the variable when a part is malformed', () => {
    // Act / Assert
    expect(() => resolveServiceConfig(USER, { USER_SERVICE_PROTOCOL: 'ftp' })).toThrow(InvalidServiceConfigError);
    expect(() => resolveServiceConfig(USER, { USER_SERVICE_PORT: '70000' })).toThrow(/USER_SERVICE_PORT/);
  });
});
