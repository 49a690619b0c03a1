#!/usr/bin/env node
// CI step: `npm start` as a newcomer would run it (embedded storage, no configuration), then the
// README's walk-through over HTTP (token → download → library outage → 503 → open circuit in
// /metrics → recovery), and `promtool check metrics` on what /metrics serves.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const { SignJWT } = require('jose');
const { mediaWalkthrough, MEDIA_ENV } = require('./media-walkthrough');
const { sleep, waitLive } = require('./wait-live');

const root = path.join(__dirname, '..', '..');
const DOWNLOAD = 'http://127.0.0.1:3001';
const LIBRARY = 'http://127.0.0.1:3101';
const DEV_JWT_SECRET = 'keel-dev-secret-do-not-use-in-production'; // libs/platform DEV_JWT_SECRET

const fail = (message) => {
  console.error(`check-metrics: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
};
const expect = (condition, message) => condition || fail(message);

async function main() {
  const env = { ...process.env, LOG_LEVEL: 'warn', LIBRARY_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '2s', ...MEDIA_ENV };
  delete env.DATABASE_URL;
  for (const service of ['download', 'media-acquisition'])
    fs.rmSync(path.join(root, 'data', service), { recursive: true, force: true });
  const started = Date.now();
  const start = spawn(process.execPath, [path.join(root, 'tools/start/start.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    expect(await waitLive(DOWNLOAD), 'npm start never served /api/health/live');
    console.log(
      `npm start: /api/health/live answered 200 after ${((Date.now() - started) / 1000).toFixed(1)} s (build included)`,
    );

    const token = await new SignJWT({ roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    const post = (gameId) =>
      fetch(`${DOWNLOAD}/api/v1/downloads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ gameId }),
      });

    const created = await post('g1');
    expect(created.status === 201, `POST /downloads answered ${created.status}`);
    const session = await created.json();
    const read = await fetch(`${DOWNLOAD}/api/v1/downloads/${session.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status === 200, `GET /downloads/:id answered ${read.status}`);

    await fetch(`${LIBRARY}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'error', status: 503 }),
    });
    let last;
    for (let i = 0; i < 10; i++) last = await post('g2');
    expect(
      last.status === 503 && last.headers.get('retry-after'),
      `an outage answered ${last.status} without Retry-After`,
    );
    expect(
      (last.headers.get('content-type') ?? '').startsWith('application/problem+json'),
      'the outage answer is not problem+json',
    );

    const metrics = await (await fetch(`${DOWNLOAD}/metrics`)).text();
    expect(
      /downstream_requests_total\{downstream="library",operation="checkOwnership",outcome="success"\} [1-9]/.test(
        metrics,
      ),
      'no successful library call in downstream_requests_total',
    );
    expect(
      /downstream_circuit_breaker_state\{downstream="library"\} 2/.test(metrics),
      'the library circuit is not open in /metrics',
    );
    expect(/downstream_request_duration_seconds_bucket\{/.test(metrics), 'no downstream duration histogram');
    expect(/http_server_requests_total\{/.test(metrics), 'no http_server_requests_total');

    const file = path.join(root, 'tmp', 'metrics.prom');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, metrics);
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: metrics, encoding: 'utf8' });
    expect(!promtool.error, `promtool could not run: ${promtool.error}`);
    const problems = `${promtool.stdout}${promtool.stderr}`.trim();
    expect(promtool.status === 0 && problems === '', `promtool check metrics found problems:\n${problems}`);
    console.log(`promtool check metrics: no problems in ${metrics.split('\n').length} lines`);

    const mediaMetrics = await mediaWalkthrough(token, expect);
    const mediaPromtool = spawnSync('promtool', ['check', 'metrics'], { input: mediaMetrics, encoding: 'utf8' });
    const mediaProblems = `${mediaPromtool.stdout}${mediaPromtool.stderr}`.trim();
    expect(
      mediaPromtool.status === 0 && mediaProblems === '',
      `promtool check metrics found problems in media-acquisition's /metrics:\n${mediaProblems}`,
    );
    console.log(`promtool check metrics (media-acquisition): no problems in ${mediaMetrics.split('\n').length} lines`);

    await fetch(`${LIBRARY}/_sandbox/faults`, { method: 'DELETE' });
    await sleep(2500);
    const recovered = await post('g2');
    expect(recovered.status === 201, `after the outage, POST answered ${recovered.status}`);
    console.log('walk-through: 201 → outage 503 + Retry-After → circuit open in /metrics → recovered 201');
  } finally {
    start.kill('SIGTERM');
    await new Promise((resolve) => start.once('exit', resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
