'use strict';
// A fleet on one machine, as Kubernetes would run it: the sandbox's emulators, N replicas of each
// service (built, from dist/) on the machine's real Postgres and Redis, and HAProxy in front of each
// service (round-robin, health-checked on /api/health/ready), as a Service would route to its pods.
// Used by `npm run replicas` and by the replicas e2e suite.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { createHmac, randomBytes } = require('node:crypto');
const children = require('../../bench/lib/children');
const { DEV_JWT_SECRET, cleanEnv, freePort, startLogged, waitHealthy } = require('../../bench/lib/services');

const ROOT = path.join(__dirname, '..', '..');
const EMULATORS = ['library', 'chat', 'user', 'knowledge', 'prowlarr', 'qbittorrent', 'llm', 'tmdb'];
const SERVICES = {
  download: { main: 'dist/apps/download/src/main.js', downstreams: ['library'] },
  'media-acquisition': {
    main: 'dist/apps/media-acquisition/src/main.js',
    downstreams: ['prowlarr', 'qbittorrent', 'tmdb'],
  },
};

/** A development token (HS256, the dev secret) for `sub` with `roles`. */
function mintToken(sub = 'u1', roles = []) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, roles, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', DEV_JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/** Whether the binaries the bed runs are here; `missing` names those that are not. */
function prerequisites() {
  const has = (bin) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).status === 0;
  const missing = [];
  if (!has('haproxy')) missing.push('haproxy (apt-get install haproxy)');
  if (!fs.existsSync(path.join(ROOT, SERVICES.download.main))) missing.push('a build (node tools/build/build.js)');
  return missing;
}

function withSchema(databaseUrl, schema) {
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', schema);
  return url.toString();
}

function haproxyConfig(frontends) {
  const lines = [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A refused or reset connection to a replica (one just killed) is retried on another.
    '  retries 2',
    '  option redispatch',
  ];
  for (const { name, port, replicas } of frontends) {
    lines.push(`frontend ${name}`, `  bind 127.0.0.1:${port}`, `  default_backend ${name}`);
    lines.push(
      `backend ${name}`,
      '  balance roundrobin',
      '  option httpchk GET /api/health/ready',
      '  http-check expect status 200',
      '  default-server inter 500ms fall 2 rise 2',
    );
    replicas.forEach((r, i) => lines.push(`  server ${name}-${i} 127.0.0.1:${r.port} check`));
  }
  return lines.join('\n') + '\n';
}

/**
 * Starts the bed. Options: `replicas` (3), `services` (both), `databaseUrl` and `redisUrl` (the
 * machine's servers), `lbPorts` ({ download, 'media-acquisition' }: free ports when unset), `env`
 * (extra variables for every replica), `log`.
 */
async function startReplicaBed(options = {}) {
  const count = options.replicas ?? 3;
  const names = options.services ?? Object.keys(SERVICES);
  const log = options.log ?? (() => undefined);
  const id = randomBytes(3).toString('hex');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `keel-replicas-${id}-`));
  const started = [];
  const bed = { tmp, id, sandbox: {}, services: {}, haproxy: undefined };
  // The movie library every media replica imports into (MEDIA_LIBRARY_ROOT must exist), on the same
  // filesystem as the sandbox's downloads, so imports are hardlinks.
  fs.mkdirSync(path.join(tmp, 'library'), { recursive: true });

  const stop = async () => {
    await Promise.all(
      started
        .splice(0)
        .reverse()
        .map((child) => children.stop(child, 8_000)),
    );
    if (!options.keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
  bed.stop = stop;

  try {
    const ports = Object.fromEntries(await Promise.all(EMULATORS.map(async (name) => [name, await freePort()])));
    const sandbox = startLogged([path.join(ROOT, 'dist/apps/sandbox/src/main.js')], {
      cwd: ROOT,
      env: cleanEnv({
        ...Object.fromEntries(EMULATORS.map((name) => [`SANDBOX_${name.toUpperCase()}_PORT`, String(ports[name])])),
        SANDBOX_QBITTORRENT_DOWNLOAD_MS: String(options.downloadMs ?? 4_000),
        SANDBOX_QBITTORRENT_DOWNLOAD_ROOT: path.join(tmp, 'downloads'),
      }),
      logFile: path.join(tmp, 'sandbox.log'),
    });
    started.push(sandbox);
    for (const name of EMULATORS) bed.sandbox[name] = `http://127.0.0.1:${ports[name]}`;
    await waitHealthy(`${bed.sandbox.library}/_sandbox/stats`, sandbox, 30_000);
    log(`sandbox: ${EMULATORS.map((n) => `${n} ${ports[n]}`).join(', ')}`);

    const namespace = `keel-replicas-${id}`;
    for (const name of names) {
      const spec = SERVICES[name];
      const service = { name, replicas: [] };
      bed.services[name] = service;
      for (let i = 0; i < count; i++) {
        const port = await freePort();
        const env = cleanEnv({
          NODE_ENV: 'development',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: process.env.REPLICAS_LOG_LEVEL ?? 'info',
          SHUTDOWN_DELAY: '1s',
          ...(options.databaseUrl
            ? { DATABASE_URL: withSchema(options.databaseUrl, `replicas_${id}_${name.replace(/-/g, '_')}`) }
            : {}),
          ...(options.redisUrl ? { REDIS_URL: options.redisUrl, KEEL_FLEET_NAMESPACE: namespace } : {}),
          ...Object.fromEntries(spec.downstreams.map((d) => [`${d.toUpperCase()}_SERVICE_URL`, bed.sandbox[d]])),
          MEDIA_LIBRARY_ROOT: path.join(tmp, 'library'),
          MEDIA_DATA_DIR: path.join(tmp, `media-${i}`),
          DOWNLOAD_DATA_DIR: path.join(tmp, `download-${i}`),
          ...options.env,
        });
        const child = startLogged([path.join(ROOT, spec.main)], {
          cwd: ROOT,
          env,
          logFile: path.join(tmp, `${name}-${i}.log`),
        });
        started.push(child);
        service.replicas.push({ index: i, port, url: `http://127.0.0.1:${port}`, child, env });
      }
      // Replicas start together (migrations run under an advisory lock); wait for all of them.
      await Promise.all(service.replicas.map((r) => waitHealthy(`${r.url}/api/health/ready`, r.child, 90_000)));
      log(`${name}: ${count} replicas on ${service.replicas.map((r) => r.port).join(', ')}`);
    }

    const frontends = [];
    for (const name of names) {
      const port = options.lbPorts?.[name] ?? (await freePort());
      bed.services[name].port = port;
      bed.services[name].url = `http://127.0.0.1:${port}`;
      frontends.push({ name, port, replicas: bed.services[name].replicas });
    }
    const config = path.join(tmp, 'haproxy.cfg');
    fs.writeFileSync(config, haproxyConfig(frontends));
    const out = fs.openSync(path.join(tmp, 'haproxy.log'), 'a');
    bed.haproxy = children.start('haproxy', ['-f', config, '-db'], { cwd: tmp, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    started.push(bed.haproxy);
    bed.haproxy.tail = () => fs.readFileSync(path.join(tmp, 'haproxy.log'), 'utf8').split('\n').slice(-15).join('\n');
    for (const name of names) await waitHealthy(`${bed.services[name].url}/api/health/ready`, bed.haproxy, 20_000);
    log(`haproxy: ${names.map((n) => `${n} → ${bed.services[n].url}`).join(', ')}`);
    /**
     * SIGKILLs replica `index` of `name` (its process group), as a node failure or the OOM killer would; resolves once
     * it is gone.
     */
    bed.kill = async (name, index) => {
      const { child } = bed.services[name].replicas[index];
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
      await child.exited;
    };
    return bed;
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startReplicaBed, prerequisites, mintToken, SERVICES };
