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
    const health = await Promise.all(
      Object.values(sandbox.emulators).map((emulator) => http(`${emulator.url}/health`)),
    );
    await sandbox.close();

    // Assert
    expect(Object.keys(sandbox.emulators)).toEqual(expect.arrayContaining(['library', 'user', 'knowledge']));
    expect(health.map((answer) => answer.status)).toEqual(health.map(() => 200));
    expect(res.json()).toMatchObject({ userId: 'u1', gameId: 'g2', owned: true });
    await expect(http(`${library.url}/health`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('starts more instances of an emulator, each with faults of its own', async () => {
    // Arrange
    const sandbox = await startSandbox({ ...ephemeral, moreInstances: { library: [0, 0] } });
    const [first, second, third] = sandbox.instances['library'];
    await http(`${second.url}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'error', status: 503 }),
    });

    // Act
    const answers = await Promise.all(
      [first, second, third].map((instance) =>
        http(`${instance.url}/api/v1/users/u1/games/g2/ownership`, { headers: BEARER }),
      ),
    );
    await sandbox.close();

    // Assert
    expect(sandbox.instances['library']).toHaveLength(3);
    expect(sandbox.emulators['library']).toBe(first);
    expect(answers.map((answer) => answer.status)).toEqual([200, 503, 200]);
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

  it('has a fixed, distinct port per downstream', () => {
    // Arrange
    const ports = Object.values(SANDBOX_PORTS);

    // Assert: the first ones never move (clients default to them); `nx g @keel/tools:downstream` adds after them.
    expect(SANDBOX_PORTS).toMatchObject({
      library: 3101,
      chat: 3102,
      user: 3103,
      knowledge: 3104,
      prowlarr: 3105,
      qbittorrent: 3106,
      llm: 3107,
      tmdb: 3108,
    });
    expect(new Set(ports).size).toBe(ports.length);
  });
});
