import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { ShutdownCoordinator } from './shutdown-coordinator.service';

function fakeApp(calls: string[]): INestApplication {
  return {
    getHttpAdapter: () => ({ close: async () => void calls.push('http closed') }),
    close: async () => void calls.push('app closed'),
  } as unknown as INestApplication;
}

describe(ShutdownCoordinator.name, () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    delete process.env['SHUTDOWN_DELAY'];
  });

  it('flips at once, waits SHUTDOWN_DELAY, then drains HTTP before closing the app', async () => {
    process.env['SHUTDOWN_DELAY'] = '2s';
    const calls: string[] = [];
    const coordinator = new ShutdownCoordinator();
    coordinator.attach(fakeApp(calls));

    const done = coordinator.shutdown({ reason: 'SIGTERM' });

    expect(coordinator.isShuttingDown).toBe(true);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await done;
    expect(calls).toEqual(['http closed', 'app closed']);
  });

  it('tells beforeDrain listeners just before HTTP drains, and not after they unsubscribe', async () => {
    const calls: string[] = [];
    const coordinator = new ShutdownCoordinator();
    coordinator.attach(fakeApp(calls));
    coordinator.beforeDrain(() => calls.push('streams ended'));
    const unsubscribe = coordinator.beforeDrain(() => calls.push('never'));
    unsubscribe();

    await coordinator.shutdown({ delayMs: 0 });

    expect(calls).toEqual(['streams ended', 'http closed', 'app closed']);
  });

  it('runs once however often it is asked', async () => {
    const calls: string[] = [];
    const coordinator = new ShutdownCoordinator();
    coordinator.attach(fakeApp(calls));

    const first = coordinator.shutdown({ delayMs: 0 });
    const second = coordinator.shutdown({ delayMs: 0 });
    await Promise.all([first, second]);

    expect(second).toBe(first);
    expect(calls).toEqual(['http closed', 'app closed']);
  });

  it('defaults to 5 s and refuses a malformed SHUTDOWN_DELAY', () => {
    expect(new ShutdownCoordinator().delayMs).toBe(5_000);
    process.env['SHUTDOWN_DELAY'] = 'later';
    expect(() => new ShutdownCoordinator()).toThrow(/^SHUTDOWN_DELAY/);
  });
});
