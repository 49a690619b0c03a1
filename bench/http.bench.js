'use strict';
// (c) POST /api/v1/downloads under load: the download service vs the bare baseline
// (bench/baseline/download-baseline.js), on the same library emulator and the same database kind.
//
// One sandbox for the whole bench. For each round and database kind (PGlite in process; Postgres if
// reachable), ours and the baseline run one after the other, each in a process of its own on a fresh
// database (a copy of one initdb'd PGlite directory, or a Postgres schema of its own); the order
// rotates between rounds. Each run: wait for /api/health/live, one checked POST, a warm-up, then the
// measured autocannon run. Ratio = ours / baseline throughput, paired within a round.
//
//   node bench/http.bench.js [--out file.json] [--rounds 2] [--duration 10] [--warmup 3]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const autocannon = require('autocannon');
const { request } = require('undici');
const children = require('./lib/children');
const { runMain } = require('./lib/cli');
const { cleanEnv, freePort, mintToken, startLogged, waitHealthy } = require('./lib/services');
const { median, round } = require('./lib/stats');

const ROOT = path.join(__dirname, '..');
// BENCH_OURS_MAIN: another build of the service (e.g. a copy of dist/ from before a change), same load.
const OURS_MAIN = process.env.BENCH_OURS_MAIN || path.join(ROOT, 'dist/apps/download/src/main.js');
const SANDBOX_MAIN = path.join(ROOT, 'dist/apps/sandbox/src/main.js');
const BASELINE_MAIN = path.join(__dirname, 'baseline/download-baseline.js');
const MIGRATIONS = path.join(ROOT, 'apps/download/migrations');
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const EMULATORS = ['library', 'chat', 'user', 'knowledge', 'prowlarr', 'qbittorrent', 'llm', 'tmdb'];
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process in µs, from /proc (Linux); undefined elsewhere. */
function cpuMicros(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLK_TCK;
  } catch {
    return undefined;
  }
}

function rssMB(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

function load({ url, headers, body, connections, duration }) {
  return new Promise((resolve, reject) => {
    let guard;
    const instance = autocannon({ url, method: 'POST', headers, body, connections, duration }, (error, result) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolve(result);
    });
    // Bounded even if autocannon wedges: stop it shortly after its duration.
    guard = setTimeout(() => instance.stop(), (duration + 15) * 1000);
  });
}

/**
 * An initdb'd, empty PGlite data directory to copy for every run. initdb costs 10–20 s of CPU here,
 * so the directory is kept in the OS temp dir, keyed by the PGlite version, and reused by later
 * bench runs (BENCH_FRESH_TEMPLATE=1 rebuilds it). Every run still gets a copy of its own.
 */
async function pgliteTemplate(tmp, log) {
  let version = 'unknown';
  try {
    version = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ).version;
  } catch {
    /* keyed as unknown */
  }
  const cached = path.join(os.tmpdir(), `keel-bench-pglite-template-${version}`);
  const marker = path.join(cached, '.keel-bench-complete');
  if (!process.env.BENCH_FRESH_TEMPLATE && fs.existsSync(marker)) {
    log(`PGlite: reusing the initdb'd template ${cached}`);
    return cached;
  }
  const building = path.join(tmp, 'pglite-template');
  const started = Date.now();
  const child = startLogged([path.join(__dirname, 'lib/pglite-template.js'), building], {
    cwd: ROOT,
    env: cleanEnv({}),
    logFile: path.join(tmp, 'pglite-template.log'),
  });
  const timer = setTimeout(() => children.stop(child, 1000), 120000);
  const { code } = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`PGlite template failed:\n${child.tail()}`);
  log(
    `PGlite: initdb'd a template in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(copied for every run, kept at ${cached})`,
  );
  try {
    fs.rmSync(cached, { recursive: true, force: true });
    fs.cpSync(building, cached, { recursive: true });
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
    return cached;
  } catch {
    return building;
  }
}

/** Drops the schemas of an earlier bench that was killed mid-run (its pid is gone). */
async function dropStaleSchemas(pg, log) {
  const { rows } = await pg.query(`select nspname from pg_namespace where nspname like 'keel\\_bench\\_%'`);
  for (const { nspname } of rows) {
    const pid = Number(/^keel_bench_(\d+)_/.exec(nspname)?.[1]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      /* gone */
    }
    if (pid && !alive) {
      await pg.query(`drop schema if exists "${nspname}" cascade`);
      log(`dropped stale schema ${nspname}`);
    }
  }
}

async function pgClient(url) {
  const { Client } = require('pg');
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 3000,
    query_timeout: 10000,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Runs (c). Options: rounds, warmup (s), duration (s), connections, databaseUrl, kinds, log,
 * deadline (epoch ms; a round that would end past it is skipped, with a note).
 */
async function runHttpBench(options = {}) {
  const rounds = Number(options.rounds ?? 2);
  const warmup = Number(options.warmup ?? 3);
  const duration = Number(options.duration ?? 10);
  const connections = Number(options.connections ?? 32);
  const pgUrl = options.databaseUrl || process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
  const log = options.log ?? ((line) => process.stderr.write(line + '\n'));
  const deadline = options.deadline ?? Infinity;
  const notes = [];
  const problems = [];
  const runs = [];

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-bench-'));
  const removeTmp = children.onExit(() => {
    if (!process.env.BENCH_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  });
  const schemas = [];
  let sandbox;
  let pg;
  try {
    // The sandbox: every emulator on a free port, so a sandbox already running on the fixed ports
    // (someone's `npm start`) neither collides nor gets measured instead.
    const libraryPort = await freePort();
    const sandboxEnv = cleanEnv(
      Object.fromEntries(
        EMULATORS.map((name) => [`SANDBOX_${name.toUpperCase()}_PORT`, name === 'library' ? String(libraryPort) : '0']),
      ),
    );
    sandbox = startLogged([SANDBOX_MAIN], {
      cwd: ROOT,
      env: sandboxEnv,
      logFile: path.join(tmp, 'sandbox.log'),
    });
    const libraryUrl = `http://127.0.0.1:${libraryPort}`;
    await waitHealthy(`${libraryUrl}/api/v1/users/u1/games/g1/ownership`, sandbox, 30000, {
      authorization: 'Bearer x',
    });
    log(`sandbox: library emulator on ${libraryUrl}`);

    const kinds = [];
    if (!options.kinds || options.kinds.includes('pglite')) kinds.push('pglite');
    if (!options.kinds || options.kinds.includes('postgres')) {
      try {
        pg = await pgClient(pgUrl);
        await pg.query('select 1');
        await dropStaleSchemas(pg, log);
        kinds.push('postgres');
      } catch (error) {
        notes.push(`postgres skipped: ${pgUrl.replace(/:[^:@/]*@/, ':***@')} not reachable (${error.message})`);
        log(notes[notes.length - 1]);
      }
    }

    let template;
    if (kinds.includes('pglite')) template = await pgliteTemplate(tmp, log);

    const token = mintToken();
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    };
    const body = JSON.stringify({ gameId: 'g1' });

    const runOne = async (target, kind, roundIndex) => {
      const id = `${target}_${kind}_r${roundIndex + 1}`;
      const runDir = path.join(tmp, id);
      fs.mkdirSync(runDir, { recursive: true });
      const port = await freePort();
      const env = {
        PORT: String(port),
        HOST: '127.0.0.1',
        LIBRARY_SERVICE_URL: libraryUrl,
        DOWNLOAD_MIGRATIONS_DIR: MIGRATIONS,
      };
      let schema;
      if (kind === 'postgres') {
        schema = `keel_bench_${process.pid}_${id}`.toLowerCase();
        schemas.push(schema);
        await pg.query(`drop schema if exists "${schema}" cascade`);
        const url = new URL(pgUrl);
        url.searchParams.set('schema', schema);
        env.DATABASE_URL = url.toString();
      } else {
        // Ours opens ./data/download under its cwd; the baseline takes PGLITE_DATA_DIR.
        const dataDir = path.join(runDir, 'data', 'download');
        fs.mkdirSync(path.dirname(dataDir), { recursive: true });
        fs.cpSync(template, dataDir, { recursive: true });
        if (target === 'baseline') env.PGLITE_DATA_DIR = dataDir;
      }
      if (target === 'ours') Object.assign(env, { LOG_LEVEL: 'warn', SHUTDOWN_DELAY: '0' });
      const script = target === 'ours' ? OURS_MAIN : BASELINE_MAIN;
      const result = {
        id,
        target,
        kind,
        round: roundIndex + 1,
        logLevel: target === 'ours' ? 'warn' : undefined,
        schema,
      };
      const started = Date.now();
      const child = startLogged([script], {
        cwd: runDir,
        env: cleanEnv(env),
        logFile: path.join(runDir, 'server.log'),
      });
      const base = `http://127.0.0.1:${port}`;
      try {
        await waitHealthy(`${base}/api/health/live`, child, 90000);
        result.startupMs = Date.now() - started;

        const first = await request(`${base}/api/v1/downloads`, {
          method: 'POST',
          headers,
          body,
          headersTimeout: 15000,
          bodyTimeout: 15000,
        });
        const firstBody = await first.body.text();
        if (first.statusCode !== 201)
          throw new Error(`preflight POST answered ${first.statusCode}: ${firstBody.slice(0, 300)}`);
        result.sampleResponse = JSON.parse(firstBody);

        const warm = await load({
          url: `${base}/api/v1/downloads`,
          headers,
          body,
          connections,
          duration: warmup,
        });
        result.warmup = {
          requests: warm.requests.total,
          non2xx: warm.non2xx,
          errors: warm.errors,
        };

        const cpuBefore = cpuMicros(child.pid);
        const measured = await load({
          url: `${base}/api/v1/downloads`,
          headers,
          body,
          connections,
          duration,
        });
        const cpuAfter = cpuMicros(child.pid);
        const completed = measured['2xx'] + measured.non2xx;
        Object.assign(result, {
          reqPerSec: round(measured.requests.average, 1),
          reqPerSecStddev: round(measured.requests.stddev, 1),
          requests: measured.requests.total,
          ok2xx: measured['2xx'],
          non2xx: measured.non2xx,
          errors: measured.errors,
          timeouts: measured.timeouts,
          latencyMs: {
            avg: measured.latency.average,
            p50: measured.latency.p50,
            p90: measured.latency.p90,
            p99: measured.latency.p99,
            max: measured.latency.max,
          },
          durationS: duration,
          connections,
          serverCpuUsPerRequest:
            cpuBefore !== undefined && cpuAfter !== undefined && completed > 0
              ? Math.round((cpuAfter - cpuBefore) / completed)
              : null,
          serverCpuShare:
            cpuBefore !== undefined && cpuAfter !== undefined
              ? round((cpuAfter - cpuBefore) / 1e6 / duration, 2)
              : null,
          rssMB: rssMB(child.pid),
        });
        if (measured.non2xx || measured.errors || measured.timeouts || warm.non2xx || warm.errors) {
          problems.push(
            `${id}: non-2xx ${measured.non2xx} (warm-up ${warm.non2xx}), ` +
              `errors ${measured.errors} (warm-up ${warm.errors}), timeouts ${measured.timeouts}`,
          );
        }
      } catch (error) {
        result.error = error.message;
        problems.push(`${id}: ${error.message.split('\n')[0]}`);
        log(`  ${id} failed: ${error.message}`);
      } finally {
        await children.stop(child, 5000);
      }
      if (kind === 'postgres' && !result.error) {
        try {
          const { rows } = await pg.query(`select count(*)::int as n from "${schema}".downloads`);
          result.rowsInserted = rows[0].n;
          const expected = 1 + (result.warmup?.requests ?? 0) - (result.warmup?.non2xx ?? 0) + result.ok2xx;
          // autocannon may count a request whose answer came after its clock stopped, or not; allow slack.
          if (Math.abs(rows[0].n - expected) > connections * 2)
            problems.push(`${id}: ${rows[0].n} rows for about ${expected} 201s`);
        } catch (error) {
          problems.push(`${id}: could not count rows (${error.message})`);
        }
      }
      if (schema) await pg.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
      const line = result.error
        ? `  ${id}: FAILED`
        : `  ${id}: ${result.reqPerSec} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ` +
          `non-2xx ${result.non2xx}, server CPU ${result.serverCpuUsPerRequest} µs/req, ` +
          `startup ${(result.startupMs / 1000).toFixed(1)} s`;
      log(line);
      return result;
    };

    let roundMs = 0;
    for (let r = 0; r < rounds; r++) {
      if (r > 0 && Date.now() + roundMs > deadline) {
        notes.push(
          `rounds ${r + 1}–${rounds} skipped: the time budget would be exceeded ` +
            `(a round takes ~${Math.round(roundMs / 1000)} s)`,
        );
        log(notes[notes.length - 1]);
        break;
      }
      const roundStarted = Date.now();
      const order = r % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
      log(`round ${r + 1}/${rounds}: ${order.join(' then ')}, per database kind: ${kinds.join(', ')}`);
      for (const kind of kinds) for (const target of order) runs.push(await runOne(target, kind, r));
      roundMs = Date.now() - roundStarted;
    }

    const byKind = {};
    for (const kind of kinds) {
      const of = (target) => runs.filter((x) => x.kind === kind && x.target === target && !x.error);
      const paired = [];
      const cpuPaired = [];
      for (const o of of('ours')) {
        const b = of('baseline').find((x) => x.round === o.round);
        if (b && b.reqPerSec > 0) paired.push(o.reqPerSec / b.reqPerSec);
        if (b && o.serverCpuUsPerRequest > 0 && b.serverCpuUsPerRequest > 0)
          cpuPaired.push(b.serverCpuUsPerRequest / o.serverCpuUsPerRequest);
      }
      const summary = (list) =>
        list.length
          ? {
              runs: list.length,
              reqPerSec: round(median(list.map((x) => x.reqPerSec)), 1),
              p50Ms: median(list.map((x) => x.latencyMs.p50)),
              p99Ms: median(list.map((x) => x.latencyMs.p99)),
              non2xx: list.reduce((n, x) => n + x.non2xx, 0),
              errors: list.reduce((n, x) => n + x.errors, 0),
              serverCpuUsPerRequest: median(list.map((x) => x.serverCpuUsPerRequest)),
              rssMB: median(list.map((x) => x.rssMB)),
            }
          : null;
      byKind[kind] = {
        ours: summary(of('ours')),
        baseline: summary(of('baseline')),
        throughputRatioPerRound: paired.map((x) => round(x, 3)),
        throughputRatio: round(median(paired), 3),
        // Baseline CPU per request ÷ ours: the throughput ratio if CPU were the only limit. Less
        // sensitive than req/s to how much of the shared cores each server happened to get.
        cpuEfficiencyRatioPerRound: cpuPaired.map((x) => round(x, 3)),
        cpuEfficiencyRatio: round(median(cpuPaired), 3),
        target: 0.6,
      };
    }
    return {
      config: {
        rounds,
        warmupS: warmup,
        durationS: duration,
        connections,
        oursLogLevel: 'warn',
        postgresUrl: pgUrl.replace(/:[^:@/]*@/, ':***@'),
      },
      kinds,
      byKind,
      runs,
      notes,
      problems,
    };
  } finally {
    await children.stop(sandbox, 3000);
    if (pg) {
      for (const schema of schemas) await pg.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
      await pg.end().catch(() => undefined);
    }
    removeTmp();
    if (!process.env.BENCH_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}

module.exports = { runHttpBench };

if (require.main === module) {
  children.installCleanup();
  runMain('http', (args) =>
    runHttpBench({
      rounds: args.rounds,
      warmup: args.warmup,
      duration: args.duration,
      connections: args.connections,
      kinds: args.kinds ? String(args.kinds).split(',') : undefined,
    }),
  );
}
