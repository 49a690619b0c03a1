import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import {
  FIXTURE_MAIN,
  TS_NODE_ARGS,
  TS_NODE_ENV,
  exitWithin,
  freePort,
  isAlive,
  spawnFixtureService,
  waitLive,
} from '../test-fixtures/spawn-fixture-service';

/**
 * A service process must exit on SIGTERM, within its grace period, whatever happens to its stdout,
 * and must not outlive the parent that spawned it (`npm start`). Real processes, real pipes.
 * "Exits" is asserted against a generous bound, far above the few hundred ms it takes: the failure
 * this guards against is a process that never exits.
 */
const EXIT_BOUND_MS = 20_000;
/** Every access line is over 6 KB: 300 of them overflow a pipe (64 KB) or a socketpair (a few hundred KB). */
const PAD = 'x'.repeat(6000);

jest.setTimeout(120_000);

const started: ChildProcess[] = [];
const strayPids: number[] = [];

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of strayPids.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

async function logALot(port: number, requests = 300): Promise<void> {
  for (let i = 0; i < requests; i++) {
    await fetch(`http://127.0.0.1:${port}/api/v1/fixture/public?i=${i}&pad=${PAD}`, {
      signal: AbortSignal.timeout(5_000),
    }).catch(() => undefined);
  }
}

/** Starts the fixture with stdout and stderr both going into `pipe` (the write end of a reader's stdin). */
async function serviceWritingInto(pipe: Writable): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = await spawnFixtureService(port, ['ignore', pipe, pipe], { SHUTDOWN_GRACE: '10s' });
  started.push(child);
  return { child, port };
}

describe('a service process', () => {
  it('exits on SIGTERM when the reader of its stdout has exited (EPIPE)', async () => {
    // Arrange: the reader takes one byte and exits; every later write meets a closed pipe.
    const reader = spawn('sh', ['-c', 'head -c 1 >/dev/null'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const { child, port } = await serviceWritingInto(reader.stdin!);
    reader.stdin!.destroy();
    await exitWithin(reader, EXIT_BOUND_MS);
    await logALot(port, 10);

    // Act
    child.kill('SIGTERM');
    const outcome = await exitWithin(child, EXIT_BOUND_MS);

    // Assert
    expect(outcome).toBe('exited 0');
  });

  it('exits on SIGTERM when the reader has exited and left its pipe to a process that never reads it', async () => {
    // Arrange: the reader (sh) exits at once; its background child keeps the pipe open and never
    // reads, so the pipe fills up (through fd 3: sh gives a background job /dev/null as stdin).
    // Before the fix, the exit-time log flush retried the full pipe forever.
    const reader = spawn('sh', ['-c', 'exec 3<&0; sleep 300 <&3 3<&- & echo $!'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const sleeper = await new Promise<number>((resolve) =>
      reader.stdout!.once('data', (data: Buffer) => resolve(Number(String(data).trim()))),
    );
    strayPids.push(sleeper);
    const { child, port } = await serviceWritingInto(reader.stdin!);
    reader.stdin!.destroy();
    await logALot(port);

    // Act
    child.kill('SIGTERM');
    const outcome = await exitWithin(child, EXIT_BOUND_MS);

    // Assert
    expect(outcome).toBe('exited 0');
  });

  it('exits when the parent that spawned it with an IPC channel is killed', async () => {
    // Arrange: a parent (as npm start is) spawns the service with an IPC channel and prints its pid.
    const port = await freePort();
    const childArgs = JSON.stringify([...TS_NODE_ARGS, FIXTURE_MAIN]);
    const parentScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ${childArgs}, { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      console.log(child.pid);
      setInterval(() => {}, 1000);`;
    const env = { ...process.env, ...TS_NODE_ENV, PORT: String(port), HOST: '127.0.0.1', SHUTDOWN_DELAY: '0' };
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'], env });
    started.push(parent);
    const servicePid = await new Promise<number>((resolve) =>
      parent.stdout!.once('data', (data: Buffer) => resolve(Number(String(data).trim()))),
    );
    strayPids.push(servicePid);
    await waitLive(port);

    // Act
    parent.kill('SIGKILL');
    const deadline = Date.now() + EXIT_BOUND_MS;
    while (isAlive(servicePid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));

    // Assert
    expect(isAlive(servicePid)).toBe(false);
  });
});
