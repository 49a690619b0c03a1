#!/usr/bin/env node
// `npm start`: builds, then runs the sandbox and every service on embedded storage (PGlite under
// ./data/<service>), with no configuration. Ctrl-C stops them all, each with one clean drain.
//   --no-build        run what dist/ holds
//   --only a,b        start only these (the sandbox is always started when it is in the list)
// Each service runs in a process group of its own with an IPC channel to this process:
// - Ctrl-C reaches only this process, which sends each service exactly one SIGTERM (a service that
//   got the terminal's SIGINT too would take our SIGTERM as a second signal and skip its drain);
//   a second Ctrl-C sends a second SIGTERM, which services take as "exit now";
// - when this process dies (SIGKILL, a closed terminal), the channel closes and every service
//   drains and exits instead of living on as an orphan.
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');
const { SANDBOX_PORTS } = require('./sandbox-urls');

const root = path.join(__dirname, '..', '..');
// KEEL_START_SERVICES: another services list (a module path), for the start e2e spec.
const allServices = require(
  process.env.KEEL_START_SERVICES ? path.resolve(process.env.KEEL_START_SERVICES) : './services',
);
const only = optionValue('--only')
  ?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
if (only) {
  const unknown = only.filter((name) => !allServices.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(
      `--only: no service named ${unknown.join(', ')} (known: ${allServices.map((s) => s.name).join(', ')})`,
    );
    process.exit(2);
  }
}
const services = only ? allServices.filter((s) => s.name === 'sandbox' || only.includes(s.name)) : allServices;
const children = [];
let stopping = false;

function optionValue(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const running = () => children.filter((child) => child.exitCode === null && child.signalCode === null);

function stop(code) {
  if (stopping) {
    // A second Ctrl-C: services take a second SIGTERM as "exit now, without draining".
    for (const child of running()) child.kill('SIGTERM');
    return;
  }
  stopping = true;
  for (const child of running()) child.kill('SIGTERM');
  // Services exit within their SHUTDOWN_GRACE (25 s) on their own; this only bounds our wait.
  setTimeout(() => process.exit(code), 30_000).unref();
  Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) =>
          child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve),
        ),
    ),
  ).then(() => process.exit(code));
}

/** `name port` entries joined with commas, wrapped under the banner's second column (19 spaces in). */
function sandboxPortLines(entries, width = 100) {
  const lines = [];
  for (const entry of entries) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + entry.length + 2 <= width) lines[last] += `, ${entry}`;
    else lines.push(entry);
  }
  return lines.join(`,\n${' '.repeat(19)}`);
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
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', ...(service.args ?? []), path.resolve(root, service.main)],
      {
        cwd: root,
        env: { LOG_LEVEL: 'info', SHUTDOWN_DELAY: '0', ...process.env, ...service.env },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        detached: true,
      },
    );
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
  if (services !== allServices || process.env.KEEL_START_SERVICES) {
    console.log(
      `\nKeel is up: ${services.map((s) => (s.port ? `${s.name} http://127.0.0.1:${s.port}` : s.name)).join(', ')}`,
    );
    return;
  }
  // Built apart only to keep the lines short; the help prints as one block. The sandbox's ports come from
  // SANDBOX_PORTS, where the downstream generator (tools/keel) adds each new emulator.
  const ports = sandboxPortLines(Object.entries(SANDBOX_PORTS).map(([name, port]) => `${name} ${port}`));
  const tokenHint = "(media-acquisition's writes: --roles media:write; admin routes: --roles admin)";
  const curl =
    'curl -s -X POST http://127.0.0.1:3001/api/v1/downloads ' +
    '-H "authorization: Bearer $(npm run -s token -- --sub u1)" ' +
    `-H 'content-type: application/json' -d '{"gameId":"g1"}'`;
  console.log(`
Keel is up.
  download         http://127.0.0.1:3001/api/v1/downloads                   docs http://127.0.0.1:3001/docs
  chat-summarizer  http://127.0.0.1:3002/api/v1/conversations/c1/summary    docs http://127.0.0.1:3002/docs
  project          http://127.0.0.1:3003/api/v1/projects                     docs http://127.0.0.1:3003/docs
  media-acquisition http://127.0.0.1:3004/api/v1/movies                      docs http://127.0.0.1:3004/docs
  sandbox          ${ports}
                   each: PUT/DELETE /_sandbox/faults, GET /_sandbox/stats   (every service: /metrics, /api/health)

Get a dev token (signed with the development secret):
  npm run token -- --sub u1                        ${tokenHint}
Then:
  ${curl}
`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));
main().catch((error) => {
  console.error(error);
  stop(1);
});
