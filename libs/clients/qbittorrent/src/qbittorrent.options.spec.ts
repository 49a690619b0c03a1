import { InvalidServiceConfigError } from '@keel/clients-core';
import { readQbittorrentOptions } from './qbittorrent.options';

describe(readQbittorrentOptions.name, () => {
  it('defaults to the sandbox credentials, a 30 min session and DHT on', () => {
    // Arrange
    const env = {};

    // Act
    const options = readQbittorrentOptions(env);

    // Assert
    expect(options).toEqual({
      username: 'admin',
      password: 'adminadmin',
      sessionMaxAgeMs: 1_800_000,
      dhtEnabled: true,
    });
  });

  it('reads the variables', () => {
    // Arrange
    const env = {
      QBITTORRENT_USERNAME: 'u',
      QBITTORRENT_PASSWORD: 'p',
      QBITTORRENT_SESSION_MAX_AGE: '250ms',
      QBITTORRENT_DHT_ENABLED: 'false',
    };

    // Act
    const options = readQbittorrentOptions(env);

    // Assert
    expect(options).toEqual({ username: 'u', password: 'p', sessionMaxAgeMs: 250, dhtEnabled: false });
  });

  it.each([
    ['QBITTORRENT_SESSION_MAX_AGE', 'soon'],
    ['QBITTORRENT_DHT_ENABLED', 'maybe'],
  ])('fails start-up on a malformed %s', (variable, value) => {
    // Arrange
    const env = { [variable]: value };

    // Act
    const act = () => readQbittorrentOptions(env);

    // Assert
    expect(act).toThrow(InvalidServiceConfigError);
    expect(act).toThrow(variable);
  });
});
