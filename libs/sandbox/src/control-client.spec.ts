import { sandboxControl, type SandboxControl } from './control-client';
import type { FaultSpec, RunningEmulator } from './kernel/emulator.types';
import { startLibraryEmulator } from './library/library.emulator';
import { BEARER, http } from './testing/http-client';

describe(sandboxControl.name, () => {
  let library: RunningEmulator;
  let control: SandboxControl;
  const ownership = () => http(`${library.url}/api/v1/users/u1/games/g1/ownership`, { headers: BEARER });

  beforeAll(async () => {
    library = await startLibraryEmulator({ port: 0 });
    control = sandboxControl(library.url);
  });

  afterAll(async () => {
    await library.close();
  });

  beforeEach(() => {
    library.setFaults(null);
    library.resetStats();
  });

  it('injects a fault that the next answers carry', async () => {
    // Act
    await control.inject({ mode: 'error', status: 503, retryAfterSeconds: 2 });
    const res = await ownership();

    // Assert
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(library.getFaults()).toMatchObject({ mode: 'error', status: 503 });
  });

  it('heals, so requests are answered normally again', async () => {
    // Arrange
    await control.inject({ mode: 'error', status: 500 });

    // Act
    await control.heal();

    // Assert
    expect((await ownership()).status).toBe(200);
  });

  it('reads the stats, control calls not counted', async () => {
    // Act
    await ownership();
    await ownership();
    const stats = await control.stats();

    // Assert
    expect(stats.requests).toBe(2);
    expect(stats.byPath).toEqual({ '/api/v1/users/u1/games/g1/ownership': 2 });
  });

  it('resets the stats to zero', async () => {
    // Arrange
    await ownership();

    // Act
    await control.resetStats();

    // Assert
    expect((await control.stats<{ requests: number }>()).requests).toBe(0);
  });

  it('rejects, naming the status, when the emulator refuses a fault', async () => {
    // Act
    const refused = control.inject({ mode: 'sideways' } as unknown as FaultSpec);

    // Assert
    await expect(refused).rejects.toThrow(/answered 400/);
    expect(library.getFaults().mode).toBe('ok');
  });
});
