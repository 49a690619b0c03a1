#!/usr/bin/env node
// Measures `npm start` (without the build): seconds from launch until every service is live, then
// each process's resident memory after IDLE_MS of idling. Embedded PGlite in a fresh temporary data
// dir by default; with DATABASE_URL set, each service gets a schema of its own on that Postgres.
//   node tools/start/measure.js            (run `npm run build` first)
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const services = require('./services');

const root = path.join(__dirname, '..', '..');
const IDLE_MS = Number(process.env.IDLE_MS ?? 15_000);
// MEASURE_DATA_DIR: reuse a data dir (a second start, no initdb); otherwise a fresh one, removed after.
const keepData = Boolean(process.env.MEASURE_DATA_DIR);
const dataRoot = process.env.MEASURE_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'keel-measure-'));
const env = {
  ...process.env,
  DOWNLOAD_DATA_DIR: path.join(dataRoot, 'download'),
  PROJECT_DATA_DIR: path.join(dataRoot, 'project'),
  MEDIA_DATA_DIR: path.join(dataRoot, 'media-acquisition'),
  MEDIA_LIBRARY_ROOT: path.join(dataRoot, 'library'),
  LOG_LEVEL: 'warn',
};

const rssMb = (pid) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};

async function main() {
  const started = performance.now();
  const start = spawn(process.execPath, [path.join(__dirname, 'start.js'), '--no-build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  start.stdout.on('data', (chunk) => (out += chunk));
  while (!out.includes('Keel is up')) {
    if (start.exitCode !== null) throw new Error(`start.js exited ${start.exitCode}:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const upSeconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const pids = execFileSync('pgrep', ['-P', String(start.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
  const rows = pids.map((pid) => {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const service = services.find((s) => cmd.includes(s.main));
    return { service: service?.name ?? cmd, rssMb: rssMb(pid) };
  });
  start.kill('SIGINT');
  await new Promise((resolve) => start.once('exit', resolve));
  if (!keepData) fs.rmSync(dataRoot, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      storage: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      upSeconds: Number(upSeconds.toFixed(1)),
      idleMs: IDLE_MS,
      rss: rows,
      totalMb: rows.reduce((sum, r) => sum + r.rssMb, 0),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
