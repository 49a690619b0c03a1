#!/usr/bin/env node
// `npm start`: builds, then runs the sandbox and every service on embedded storage (PGlite under
// ./data/<service>), with no configuration. Ctrl-C stops them all.
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');
const services = require('./services');

const root = path.join(__dirname, '..', '..');
const children = [];
let stopping = false;

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 6000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))))).then(() => process.exit(code));
}

async function waitHealthy(url, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    console.log('building…');
    execFileSync(process.execPath, [path.join(root, 'tools/build/build.js')], { cwd: root, stdio: 'inherit' });
  }
  for (const service of services) {
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, service.main)], {
      cwd: root,
      env: { LOG_LEVEL: 'info', SHUTDOWN_DELAY: '0', ...process.env },
      stdio: 'inherit',
    });
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`${service.name} exited with ${code}; stopping everything`);
        stop(1);
      }
    });
    children.push(child);
  }
  for (const service of services.filter((s) => s.health)) {
    const url = `http://127.0.0.1:${service.port}${service.health}`;
    if (!(await waitHealthy(url, 120_000))) {
      console.error(`${service.name} did not become healthy at ${url}`);
      return stop(1);
    }
  }
  console.log(`
Keel is up.
  download         http://127.0.0.1:3001/api/v1/downloads                   docs http://127.0.0.1:3001/docs
  chat-summarizer  http://127.0.0.1:3002/api/v1/conversations/c1/summary    docs http://127.0.0.1:3002/docs
  project          http://127.0.0.1:3003/api/v1/projects                     docs http://127.0.0.1:3003/docs
  media-acquisition http://127.0.0.1:3004/api/v1/movies                      docs http://127.0.0.1:3004/docs
  sandbox          library 3101, chat 3102, user 3103, knowledge 3104, prowlarr 3105, qbittorrent 3106, llm 3107, tmdb 3108
                   each: PUT/DELETE /_sandbox/faults, GET /_sandbox/stats   (every service: /metrics, /api/health)

Get a dev token (signed with the development secret):
  npm run token -- --sub u1
Then:
  curl -s -X POST http://127.0.0.1:3001/api/v1/downloads -H "authorization: Bearer $(npm run -s token -- --sub u1)" -H 'content-type: application/json' -d '{"gameId":"g1"}'
`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
main().catch((error) => {
  console.error(error);
  stop(1);
});
