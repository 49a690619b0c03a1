'use strict';
// Instructions per request of (c)'s POST /api/v1/downloads, ours and the baseline, counted by
// valgrind's callgrind. Wall-clock ratios on a shared 2-core machine move with the other jobs' load;
// an instruction count does not, so a cut on the request path shows up here even when (c) is noisy.
// (perf stat would be cheaper, but the CI VMs expose no hardware counters.)
//
// Each server runs under `valgrind --tool=callgrind --instr-atstart=no`: start-up and a warm-up (JIT,
// caches, pools) go uninstrumented, then `callgrind_control -i on`, a fixed number of requests, and
// `callgrind_control -d`; the dump's total over the request count is the figure. Every thread of the
// process counts (GC helpers included). The dump is kept (--keep) for callgrind_annotate.
//
//   node bench/instructions.bench.js [--kind postgres|pglite] [--targets ours,baseline] [--count 2000]
//                                    [--warmup 3000] [--connections 32] [--rounds 1] [--keep dir]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const autocannon = require('autocannon');
const children = require('./lib/children');
const { runMain } = require('./lib/cli');
const { cleanEnv, freePort, mintToken, sleep, startLogged, waitHealthy } = require('./lib/services');

const ROOT = path.join(__dirname, '..');
const OURS_MAIN = path.join(ROOT, 'dist/apps/download/src/main.js');
const SANDBOX_MAIN = path.join(ROOT, 'dist/apps/sandbox/src/main.js');
const BASELINE_MAIN = path.join(__dirname, 'baseline/download-baseline.js');
const MIGRATIONS = path.join(ROOT, 'apps/download/migrations');
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const EMULATORS = ['library', 'chat', 'user', 'knowledge', 'prowlarr', 'qbittorrent', 'llm', 'tmdb'];

function fire({ url, headers, body, connections, amount }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, method: 'POST', headers, body, connections, amount, timeout: 120 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** vgdb names its pipes after USER and HOST, so the control command gets the child's environment. */
function callgrindControl(args, env) {
  return execFileSync('callgrind_control', args, { encoding: 'utf8', env });
}

/** The dump's instruction total, once valgrind has written it (the dump command only asks for it). */
async function dumpTotals(file) {
  for (let i = 0; i < 600; i++) {
    const match = fs.existsSync(file) ? /^totals:\s*(\d+)/m.exec(fs.readFileSync(file, 'utf8')) : null;
    if (match) return Number(match[1]);
    await sleep(100);
  }
  throw new Error(`no callgrind dump at ${file} (${fs.readdirSync(path.dirname(file)).join(', ')})`);
}

const COMPILER = /compiler::|Compil|maglev/i;
const GC = new RegExp(
  [
    'Scaveng',
    'Mark',
    'Sweep',
    'Heap::',
    'heap::',
    'Evacuat',
    'MemoryChunk',
    'Remembered',
    'SlotSet',
    'Concurrent',
    'IteratePointers',
    'SizeFromMap',
    'MinorMC',
    'Worklist',
    'PagedSpace',
  ].join('|'),
);

/**
 * The dump's instructions in V8's optimizing compilers and in its garbage collector (by function
 * name, from callgrind_annotate). Both come in bursts (a major GC, a re-optimisation) that a window
 * of a few thousand requests catches or misses, so the rest is the steadier figure.
 */
function split(file) {
  const out = execFileSync('callgrind_annotate', ['--inclusive=no', '--threshold=100', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  let compiler = 0;
  let gc = 0;
  for (const line of out.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (!match || match[2].includes('PROGRAM TOTALS')) continue;
    const n = Number(match[1].replace(/,/g, ''));
    if (COMPILER.test(match[2])) compiler += n;
    else if (GC.test(match[2])) gc += n;
  }
  return { compiler, gc };
}

async function measure({ target, main, kind, pgUrl, libraryUrl, tmp, warmup, count, connections, keep, round }) {
  const id = `${target}_${kind}_r${round}`;
  const runDir = path.join(tmp, id);
  fs.mkdirSync(runDir, { recursive: true });
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LIBRARY_SERVICE_URL: libraryUrl,
    DOWNLOAD_MIGRATIONS_DIR: MIGRATIONS,
  };
  let pg;
  let schema;
  if (kind === 'postgres') {
    const { Client } = require('pg');
    pg = new Client({ connectionString: pgUrl });
    await pg.connect();
    schema = `keel_bench_${process.pid}_${id}`.toLowerCase();
    await pg.query(`drop schema if exists "${schema}" cascade`);
    const url = new URL(pgUrl);
    url.searchParams.set('schema', schema);
    env.DATABASE_URL = url.toString();
  } else {
    // A copy of the initdb'd template (c) keeps in the temp dir: initdb under valgrind takes minutes.
    const version = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    ).version;
    const template = path.join(os.tmpdir(), `keel-bench-pglite-template-${version}`);
    if (!fs.existsSync(path.join(template, '.keel-bench-complete')))
      throw new Error(`no PGlite template at ${template}: run \`BENCH_ONLY=c node bench/run.js\` once first`);
    const dataDir = path.join(runDir, 'data', 'download');
    fs.cpSync(template, dataDir, { recursive: true });
    if (target === 'baseline') env.PGLITE_DATA_DIR = dataDir;
  }
  if (target !== 'baseline') Object.assign(env, { LOG_LEVEL: 'warn', SHUTDOWN_DELAY: '0' });
  const outFile = path.join(runDir, 'callgrind.out');
  const logFile = path.join(runDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const childEnv = cleanEnv(env);
  const child = children.start(
    'valgrind',
    ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${outFile}`, process.execPath, main],
    { cwd: runDir, env: childEnv, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  child.tail = () => fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
  const base = `http://127.0.0.1:${port}/api/v1/downloads`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${mintToken()}` };
  const body = JSON.stringify({ gameId: 'g1' });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/api/health/live`, child, 300_000);
    const warm = await fire({ url: base, headers, body, connections, amount: warmup });
    if (warm.non2xx || warm.errors) throw new Error(`warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors`);
    callgrindControl(['-i', 'on', String(child.pid)], childEnv);
    const measured = await fire({ url: base, headers, body, connections, amount: count });
    callgrindControl(['-d', String(child.pid)], childEnv);
    if (measured.non2xx || measured.errors)
      throw new Error(`measured: ${measured.non2xx} non-2xx, ${measured.errors} errors`);
    const dump = path.join(runDir, 'callgrind.out.1');
    const totals = await dumpTotals(dump);
    const requests = measured['2xx'];
    if (keep) fs.copyFileSync(dump, path.join(keep, `${id}.callgrind`));
    const { compiler, gc } = split(dump);
    const per = (n) => Math.round(n / requests);
    return {
      id,
      target,
      kind,
      requests,
      instructionsPerRequest: per(totals),
      compilerPerRequest: per(compiler),
      gcPerRequest: per(gc),
      restPerRequest: per(totals - compiler - gc),
    };
  } finally {
    await children.stop(child, 5000);
    if (pg) {
      await pg.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
      await pg.end();
    }
  }
}

async function runInstructionsBench(args) {
  const kind = args.kind || 'postgres';
  // `ours`, `baseline`, or the path of another build's main.js (an A/B of two builds of ours).
  const targets = String(args.targets || 'ours,baseline').split(',');
  const mainOf = (target) =>
    target === 'ours' ? OURS_MAIN : target === 'baseline' ? BASELINE_MAIN : path.resolve(target);
  // Another build is named build1, build2… in the results (its path would not fit a schema name).
  const labelOf = (target, i) => (target === 'ours' || target === 'baseline' ? target : `build${i + 1}`);
  const rounds = Number(args.rounds || 1);
  const options = {
    kind,
    pgUrl: process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL,
    warmup: Number(args.warmup || 3000),
    count: Number(args.count || 2000),
    connections: Number(args.connections || 32),
    keep: args.keep && args.keep !== true ? path.resolve(args.keep) : undefined,
  };
  if (options.keep) fs.mkdirSync(options.keep, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-bench-instr-'));
  const libraryPort = await freePort();
  const sandbox = startLogged([SANDBOX_MAIN], {
    cwd: ROOT,
    env: cleanEnv(
      Object.fromEntries(
        EMULATORS.map((name) => [`SANDBOX_${name.toUpperCase()}_PORT`, name === 'library' ? String(libraryPort) : '0']),
      ),
    ),
    logFile: path.join(tmp, 'sandbox.log'),
  });
  const libraryUrl = `http://127.0.0.1:${libraryPort}`;
  const runs = [];
  try {
    await waitHealthy(`${libraryUrl}/api/v1/users/u1/games/g1/ownership`, sandbox, 30000, {
      authorization: 'Bearer x',
    });
    for (let round = 1; round <= rounds; round++)
      for (const [i, target] of targets.entries()) {
        const result = await measure({
          ...options,
          target: labelOf(target, i),
          main: mainOf(target),
          libraryUrl,
          tmp,
          round,
        });
        process.stderr.write(
          `  ${result.id}: ${result.instructionsPerRequest} instructions/request ` +
            `(compiler ${result.compilerPerRequest}, GC ${result.gcPerRequest}, rest ${result.restPerRequest})\n`,
        );
        runs.push(result);
      }
  } finally {
    await children.stop(sandbox, 3000);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const mean = (target) => {
    const list = runs.filter((r) => r.target === target).map((r) => r.instructionsPerRequest);
    return list.length ? Math.round(list.reduce((a, b) => a + b, 0) / list.length) : undefined;
  };
  const ours = mean('ours');
  const baseline = mean('baseline');
  return {
    config: { ...options, pgUrl: undefined, rounds },
    runs,
    ours,
    baseline,
    // Baseline ÷ ours: the throughput ratio if instructions were all a request cost.
    ratio: ours && baseline ? Math.round((baseline / ours) * 1000) / 1000 : undefined,
  };
}

module.exports = { runInstructionsBench };

if (require.main === module) {
  children.installCleanup();
  runMain('instructions', runInstructionsBench);
}
