import { BEARER, http } from './testing/http-client';
import { SANDBOX_PORTS } from './sandbox.constants';
import { startSandbox } from './sandbox';
import { startLibraryEmulator } from './library/library.emulator';

// Tests never take the fixed ports: every emulator on an ephemeral one.
const ephemeral = Object.fromEntries(Object.keys(SANDBOX_PORTS).map((name) => [name, 0]));

describe(startSandbox.name, () => {
  it('starts every emulator on the ports given and closes them all', async () => {
    // Arrange
    const sandbox = await startSandbox(ephemeral);
    const library = sandbox.emulators['library'];

    // Act
    const res = await http(`${library.url}/api/v1/users/u1/games/g2/ownership`, { headers: BEARER });
    const health = await Promise.all(Object.values(sandbox.emulators).map((emulator) => http(`${emulator.url}/health`)));
    await sandbox.close();

    // Assert
    expect(Object.keys(sandbox.emulators)).toEqual(expect.arrayContaining(['library', 'user', 'knowledge']));
    expect(health.map((answer) => answer.status)).toEqual(health.map(() => 200));
    expect(res.json()).toMatchObject({ userId: 'u1', gameId: 'g2', owned: true });
    await expect(http(`${library.url}/health`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects when a port is taken', async () => {
    // Arrange
    const squatter = await startLibraryEmulator();

    // Act
    const start = startSandbox({ ...ephemeral, library: squatter.port });

    // Assert
    await expect(start).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await squatter.close();
  });

  it('has a fixed port per downstream', () => {
    // Assert
    expect(SANDBOX_PORTS).toEqual({
      library: 3101,
      chat: 3102,
      user: 3103,
      knowledge: 3104,
      prowlarr: 3105,
      qbittorrent: 3106,
      llm: 3107,
    });
  });
});
