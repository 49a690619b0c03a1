'use strict';
// What the HTTP bench parts need to run services as children: free ports, a scrubbed environment,
// logged children, health polling and a development token.
const fs = require('node:fs');
const net = require('node:net');
const { createHmac } = require('node:crypto');
const { request } = require('undici');
const children = require('./children');

const DEV_JWT_SECRET = 'keel-dev-secret-do-not-use-in-production';
/** Variables of the caller's shell that would change what the children do; the bench sets its own. */
const SCRUBBED_ENV = new RegExp(
  `^(${[
    'JWT_',
    'DATABASE_URL$',
    'NODE_ENV$',
    'LOG_LEVEL$',
    'PORT$',
    'HOST$',
    'LIBRARY_SERVICE_',
    'DOWNLOAD_',
    'MEDIA_',
    'PROWLARR_',
    'QBITTORRENT_',
    'PGLITE_',
    'SANDBOX_',
    'SHUTDOWN_DELAY$',
    'BODY_LIMIT$',
    'NODE_OPTIONS$',
  ].join('|')})`,
);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A dev token for u1; `roles` (e.g. `['media:write']`, which media-acquisition's writes need) when given. */
function mintToken(secret = DEV_JWT_SECRET, roles) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'HS256', typ: 'JWT' });
  const unsigned = `${header}.${b64({ sub: 'u1', ...(roles ? { roles } : {}), iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The caller's environment without what would change the children's behaviour, plus `extra`. */
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED_ENV.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Starts a tracked child whose output goes to `logFile`; `tail()` gives its last lines. */
function startLogged(args, { cwd, env, logFile }) {
  const out = fs.openSync(logFile, 'a');
  const child = children.start(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.tail = (lines = 15) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  return child;
}

/** Polls `url` until it answers 200; fails early if `child` exits, or after `timeoutMs`. */
async function waitHealthy(url, child, timeoutMs, headers = {}) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${child.tail()}`);
    try {
      const res = await request(url, {
        headers,
        headersTimeout: 2000,
        bodyTimeout: 2000,
      });
      await res.body.dump();
      if (res.statusCode === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(150);
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${child.tail()}`);
}

module.exports = { DEV_JWT_SECRET, sleep, mintToken, freePort, cleanEnv, startLogged, waitHealthy };
