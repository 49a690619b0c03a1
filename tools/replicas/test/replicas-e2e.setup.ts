import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Whether this machine can run the replicas bed: HAProxy, redis-server (a private one, which the
 * suite stops and starts) and Postgres (DATABASE_URL). A laptop without them skips the suite with a
 * notice; CI (`CI=true`) must have them, so there a missing one fails.
 */
export function replicasBedAvailable(): boolean {
  const missing: string[] = [];
  if (spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status !== 0) missing.push('haproxy (apt-get install haproxy)');
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('redis-server');
  if (!process.env['DATABASE_URL']) missing.push('DATABASE_URL (a Postgres)');
  if (missing.length === 0) return true;
  if (process.env['CI'] === 'true') throw new Error(`the replicas e2e needs ${missing.join(', ')} in CI`);
  process.stderr.write(`[replicas e2e] skipped: needs ${missing.join(', ')}\n`);
  return false;
}

/** The bed runs the built services from dist/: build them from the sources under test. */
export function buildServices(): void {
  execFileSync(process.execPath, [join(ROOT, 'tools/build/build.js')], { cwd: ROOT, stdio: 'ignore' });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true, every 100 ms, for at most `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: any;
  ms: number;
}

export async function http(
  url: string,
  init: { method?: string; token?: string; json?: unknown } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    headers: res.headers,
    body: type.includes('json') && text ? JSON.parse(text) : text,
    ms,
  };
}
