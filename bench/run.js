#!/usr/bin/env node
'use strict';
// `npm run bench` (after the build): (a) + (b) in a child process of their own, then (c), (d) and (e);
// writes bench/results/latest.json (and latest.md) and prints a Markdown table. Targets are reported as
// ratios, never asserted. Every child is tracked and ended on any exit; a watchdog bounds the run.
//
// Env: BENCH_ROUNDS (HTTP rounds, default 2), BENCH_DURATION (s, 10), BENCH_WARMUP (s, 3),
//      BENCH_CONNECTIONS (32), BENCH_PIPELINE_ROUNDS (5), BENCH_PIPELINE_COUNT (20000),
//      BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test), BENCH_BUDGET_S (200: an HTTP
//      round that would end later is skipped), BENCH_TIMEOUT_S (400: hard stop), BENCH_KEEP_TMP,
//      BENCH_SEARCH_COUNT (15: searches per pass in (d)), BENCH_SEARCH_LATENCIES (200,250,300,350,400),
//      BENCH_ONLY (e.g. `d` or `a,c`: run only those parts, (a) and (b) together; the results go to
//      $TMPDIR/keel-bench-only-<parts>.json/.md, not to bench/results), BENCH_HEDGE_CALLS (3000),
//      BENCH_HEDGE_DELAY (p95, or a duration: the hedge delay in (e)).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const children = require('./lib/children');
const { runHttpBench } = require('./http.bench');
const { runSearchBench } = require('./search.bench');
const { runHedgeBench } = require('./hedge.bench');

const T0 = Date.now();
const env = (name, fallback) =>
  process.env[name] !== undefined && process.env[name] !== '' ? Number(process.env[name]) : fallback;
const RESULTS = path.join(__dirname, 'results');
const log = (line) => process.stderr.write(line + '\n');
const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(digits));
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const ONLY = (process.env.BENCH_ONLY || '')
  .split(',')
  .map((x) => x.trim().toLowerCase())
  .filter(Boolean);
/** Whether a part runs: every part unless BENCH_ONLY names some; (a) and (b) go together. */
const wants = (...parts) => !ONLY.length || parts.some((p) => ONLY.includes(p));
if (ONLY.some((p) => !['a', 'b', 'c', 'd', 'e'].includes(p))) {
  log(`bench: BENCH_ONLY takes a comma list of a, b, c, d, e; got "${process.env.BENCH_ONLY}"`);
  process.exit(2);
}

children.installCleanup();
const watchdog = setTimeout(
  () => {
    log(`bench: hard timeout (${env('BENCH_TIMEOUT_S', 400)} s), stopping`);
    children.killAllNow();
    process.exit(2);
  },
  env('BENCH_TIMEOUT_S', 400) * 1000,
);
watchdog.unref();

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0] ? cpus[0].model : 'unknown',
    cores: cpus.length,
    totalMemoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: load(),
  };
}

/** Runs (a) + (b) in a fresh process (its own JIT and heap, --expose-gc), bounded in time. */
async function runPipeline() {
  const out = path.join(os.tmpdir(), `keel-bench-pipeline-${process.pid}.json`);
  const args = [
    '--expose-gc',
    path.join(__dirname, 'pipeline.bench.js'),
    '--out',
    out,
    '--rounds',
    String(env('BENCH_PIPELINE_ROUNDS', 5)),
    '--count',
    String(env('BENCH_PIPELINE_COUNT', 20000)),
  ];
  const child = children.start(process.execPath, args, {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const timer = setTimeout(() => children.stop(child, 1000), 120_000);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`pipeline bench exited with ${code ?? signal}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return result;
}

function table(result) {
  const lines = [];
  const m = result.machine;
  lines.push(`## Keel bench, ${m.date.slice(0, 10)}`, '');
  lines.push(
    `${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryGB} GB, Node ${m.node.replace(/^v/, '')}; ` +
      `load average ${m.loadAverageAtStart.join(' / ')} at start, ${m.loadAverageAtEnd.join(' / ')} at end. ` +
      `Noisy: only the ratios carry over.`,
    '',
  );

  const p = result.pipeline;
  if (p && !p.error) {
    const a = p.overhead.variants;
    const b = p.rejection.variants;
    lines.push(
      `### (a) Per-call overhead (awaited call of a resolved promise; median of ${p.config.rounds} interleaved rounds)`,
      '',
    );
    lines.push(
      '| Variant | µs/call (wall) | Overhead µs (wall) | µs/call (CPU) | Overhead µs (CPU) |',
      '|---|---:|---:|---:|---:|',
    );
    const rowsA = [
      ['bare call', a.bare],
      ['**ours**: PolicyRegistry defaults, with metrics', a.ours],
      ['ours, no-op observer (no metrics)', a.oursNoMetrics],
      ['cockatiel 3.2.1 `wrap(retry, circuitBreaker, timeout, bulkhead)`', a.cockatiel],
      ['opossum 9 `new CircuitBreaker(fn)` defaults', a.opossum],
      ...(a.oursFleet ? [['**ours, shared with the fleet** (REDIS_URL; closed and healthy)', a.oursFleet]] : []),
      ...(a.oursBalanced
        ? [
            [
              '**ours + P2C over 3 instances** ' +
                '(pick, outstanding count, latency estimate, ejection tally); tracing off',
              a.oursBalanced,
            ],
          ]
        : []),
      ...(a.oursTraced
        ? [['ours + P2C, **tracing on** (a client span per attempt through the OpenTelemetry SDK)', a.oursTraced]]
        : []),
    ];
    for (const [name, v] of rowsA)
      lines.push(
        `| ${name} | ${fmt(v.nsPerCallMedian / 1000)} | ${fmt(v.overheadUs)} | ` +
          `${fmt(v.cpuNsPerCallMedian / 1000)} | ${fmt(v.cpuOverheadUs)} |`,
      );
    lines.push('');
    lines.push(`### (b) Open-circuit rejection (minus a bare \`Promise.reject(err).catch()\`)`, '');
    lines.push(
      '| Variant | µs/call (wall) | Policy cost µs (wall) | µs/call (CPU) | Policy cost µs (CPU) |',
      '|---|---:|---:|---:|---:|',
    );
    const rowsB = [
      ['bare `Promise.reject(preallocated).catch(noop)`', b.bareReject],
      ['**ours**: `isolateCircuit()`', b.ours],
      ['cockatiel breaker alone, `isolate()`', b.cockatielBreaker],
      ['cockatiel default wrap, breaker isolated (retry retries it, setTimeout(0) twice)', b.cockatielWrap],
      ['opossum `open()`', b.opossum],
      ...(b.oursFleet ? [['**ours, shared with the fleet** (REDIS_URL), isolated fleet-wide', b.oursFleet]] : []),
    ];
    for (const [name, v] of rowsB)
      lines.push(
        `| ${name} | ${fmt(v.nsPerCallMedian / 1000)} | ${fmt(v.overheadUs)} | ` +
          `${fmt(v.cpuNsPerCallMedian / 1000)} | ${fmt(v.cpuOverheadUs)} |`,
      );
    lines.push('');
  } else {
    lines.push(`### (a), (b): not measured (${p ? p.error : 'skipped'})`, '');
  }

  const h = result.http;
  if (h && !h.error) {
    lines.push(
      `### (c) POST /api/v1/downloads, ${h.config.connections} connections, ${h.config.durationS} s ` +
        `after a ${h.config.warmupS} s warm-up (median of runs; ours at LOG_LEVEL=warn)`,
      '',
    );
    lines.push(
      '| Database | Server | req/s | p50 ms | p99 ms | non-2xx | Server CPU µs/req | RSS MB | ' +
        'Throughput ours/baseline | CPU/req baseline/ours |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    const perRound = (list) => `(${list.map((x) => fmt(x)).join(', ')})`;
    for (const kind of h.kinds) {
      const k = h.byKind[kind];
      for (const target of ['ours', 'baseline']) {
        const s = k[target];
        const label = target === 'ours' ? '**ours** (Nest + Fastify)' : 'baseline (node:http + undici)';
        const ratios =
          target === 'ours'
            ? `**${fmt(k.throughputRatio)}** ${perRound(k.throughputRatioPerRound)} | ` +
              `${fmt(k.cpuEfficiencyRatio)} ${perRound(k.cpuEfficiencyRatioPerRound)}`
            : ' | ';
        if (!s) lines.push(`| ${kind} | ${label} | failed | | | | | | | |`);
        else
          lines.push(
            `| ${kind} | ${label} | ${fmt(s.reqPerSec, 0)} | ${fmt(s.p50Ms, 0)} | ${fmt(s.p99Ms, 0)} | ` +
              `${s.non2xx + s.errors} | ${fmt(s.serverCpuUsPerRequest, 0)} | ${fmt(s.rssMB, 0)} | ${ratios} |`,
          );
      }
    }
    lines.push('');
  } else {
    lines.push(`### (c): not measured (${h ? h.error : 'skipped'})`, '');
  }

  const d = result.search;
  if (d && !d.error) {
    const c = d.config;
    lines.push(
      `### (d) POST /api/v1/movies/{id}/search, fan-out to ${c.indexerLatenciesMs.length} indexers ` +
        `slowed to ${c.indexerLatenciesMs.join('/')} ms; ${c.count} searches per row, one after another ` +
        `(ours at LOG_LEVEL=warn, PROWLARR_SERVICE_RATE_LIMIT=${c.rateLimit})`,
      '',
    );
    lines.push(
      '| Row | p50 ms | p95 ms | min ms | max ms | Ratio (p50) | Ratio (p95) |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    const row = (name, s, r50, r95) =>
      lines.push(
        `| ${name} | ${fmt(s.p50Ms, 1)} | ${fmt(s.p95Ms, 1)} | ${fmt(s.minMs, 1)} | ` +
          `${fmt(s.maxMs, 1)} | ${r50} | ${r95} |`,
      );
    row(
      `baseline: slowest indexer alone (direct \`GET /api/v1/search?indexerIds=${c.slowestIndexer}\`)`,
      d.baseline,
      '1',
      '1',
    );
    row(
      `**ours**: search, uncached (${c.indexerLatenciesMs.length} indexer calls in parallel + decision engine)`,
      d.fanOut,
      `**${fmt(d.fanOutRatio, 3)}** × baseline`,
      `${fmt(d.fanOutRatioP95, 3)} × baseline`,
    );
    row('ours: same movies again, every indexer cached', d.cached, `${fmt(d.cachedRatio, 3)} × uncached`, '');
    lines.push('');
  } else {
    lines.push(`### (d): not measured (${d ? d.error : 'skipped'})`, '');
  }

  const e = result.hedge;
  if (e && !e.error) {
    const c = e.config;
    lines.push(
      `### (e) A read over 3 instances (${c.balancer ?? 'p2c'}), one ${c.slowMs} ms slower; ` +
        `${c.calls} calls by ${c.concurrency} callers; hedge delay ${c.hedgeDelay}`,
      '',
    );
    lines.push(
      '| Row | p50 ms | p99 ms | Requests sent per call | Requests to the third (slow) instance |',
      '|---|---:|---:|---:|---:|',
    );
    for (const [name, r] of [
      ['healthy fleet', e.rows.healthy],
      ['one slow, no hedging', e.rows.slowNoHedge],
      ['**one slow, hedged**', e.rows.slowHedged],
    ])
      lines.push(
        `| ${name} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ` +
          `${fmt(r.requestsSent / r.calls, 3)} | ${r.slowInstanceRequests ?? '–'} |`,
      );
    lines.push('');
  } else {
    lines.push(`### (e): not measured (${e ? e.error : 'skipped'})`, '');
  }

  lines.push('### Against the targets (measured ÷ target; ≤ 1 meets a ceiling, ≥ 1 meets a floor)', '');
  lines.push('| Target | Measured | Ratio to target | Met |', '|---|---:|---:|---|');
  for (const t of result.targets)
    lines.push(
      `| ${t.name} | ${t.measured === null ? '–' : fmt(t.measured)}${t.unit} | ` +
        `${t.ratio === null ? '–' : fmt(t.ratio)} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`,
    );
  const notes = [...(h && h.notes ? h.notes : []), ...(d && d.notes ? d.notes : [])];
  const problems = [...(result.problems || [])];
  if (notes.length || problems.length) lines.push('');
  for (const n of notes) lines.push(`- note: ${n}`);
  for (const n of problems) lines.push(`- **problem**: ${n}`);
  return lines.join('\n');
}

function targets(result) {
  const list = [];
  const p = result.pipeline && !result.pipeline.error ? result.pipeline : undefined;
  const ceiling = (name, measured, target, unit) =>
    list.push({
      name,
      measured,
      target,
      unit,
      ratio: measured === null ? null : Math.round((measured / target) * 1000) / 1000,
      met: measured === null ? null : measured <= target,
    });
  ceiling('(a) ours per-call overhead ≤ 5 µs (wall)', p ? p.overhead.oursUs : null, 5, ' µs');
  ceiling('(a) same, CPU time', p ? p.overhead.oursCpuUs : null, 5, ' µs');
  ceiling('(b) ours open-circuit rejection ≤ 2 µs (wall)', p ? p.rejection.oursUs : null, 2, ' µs');
  ceiling('(b) same, CPU time', p ? p.rejection.oursCpuUs : null, 2, ' µs');
  if (p && p.overhead.oursBalancedUs !== undefined)
    ceiling('(a) with a P2C balancer over 3 instances ≤ 5 µs (wall)', p.overhead.oursBalancedUs, 5, ' µs');
  if (p && p.overhead.oursFleetUs !== null) {
    ceiling('(a) with REDIS_URL (shared state) ≤ 5 µs (wall)', p.overhead.oursFleetUs, 5, ' µs');
    ceiling('(b) with REDIS_URL (shared state) ≤ 2 µs (wall)', p.rejection.oursFleetUs, 2, ' µs');
  }
  const e = result.hedge && !result.hedge.error ? result.hedge : undefined;
  ceiling('(e) hedged p99 with one slow instance ≤ 1.3 × healthy fleet p99', e ? e.p99HedgedVsHealthy : null, 1.3, '×');
  ceiling('(e) extra requests from hedging ≤ 10 %', e ? e.extraRequestShare : null, 0.1, '');
  const h = result.http && !result.http.error ? result.http : undefined;
  for (const kind of h ? h.kinds : ['pglite', 'postgres']) {
    const ratio = h ? h.byKind[kind].throughputRatio : null;
    list.push({
      name: `(c) ${kind}: ours ≥ 0.6 × baseline throughput`,
      measured: ratio,
      target: 0.6,
      unit: '×',
      ratio: ratio === null ? null : Math.round((ratio / 0.6) * 1000) / 1000,
      met: ratio === null ? null : ratio >= 0.6,
    });
    const cpu = h ? h.byKind[kind].cpuEfficiencyRatio : null;
    list.push({
      name: `(c) ${kind}: same, as CPU per request (baseline ÷ ours)`,
      measured: cpu,
      target: 0.6,
      unit: '×',
      ratio: cpu === null ? null : Math.round((cpu / 0.6) * 1000) / 1000,
      met: cpu === null ? null : cpu >= 0.6,
    });
  }
  const d = result.search && !result.search.error ? result.search : undefined;
  ceiling('(d) search fan-out ≤ 1.1 × the slowest indexer alone (p50)', d ? d.fanOutRatio : null, 1.1, '×');
  return list;
}

async function main() {
  const result = {
    machine: machine(),
    pipeline: undefined,
    http: undefined,
    search: undefined,
    only: ONLY.length ? ONLY : undefined,
    targets: [],
    problems: [],
  };
  let failed = false;

  if (wants('a', 'b')) {
    log('== (a) + (b): pipeline overhead and open-circuit rejection');
    const pStarted = Date.now();
    try {
      result.pipeline = await runPipeline();
      result.pipeline.wallS = Math.round((Date.now() - pStarted) / 100) / 10;
    } catch (error) {
      failed = true;
      result.pipeline = { error: error.message };
      result.problems.push(`(a)/(b): ${error.message}`);
    }
    result.machine.loadAverageAfterPipeline = load();
  }

  if (wants('c')) {
    log('== (c): POST /api/v1/downloads under load');
    const hStarted = Date.now();
    try {
      result.http = await runHttpBench({
        rounds: env('BENCH_ROUNDS', 2),
        duration: env('BENCH_DURATION', 10),
        warmup: env('BENCH_WARMUP', 3),
        connections: env('BENCH_CONNECTIONS', 32),
        deadline: T0 + env('BENCH_BUDGET_S', 200) * 1000,
        log,
      });
      result.http.wallS = Math.round((Date.now() - hStarted) / 100) / 10;
      result.problems.push(...result.http.problems);
      if (result.http.runs.some((r) => r.error)) failed = true;
    } catch (error) {
      failed = true;
      result.http = { error: error.message };
      result.problems.push(`(c): ${error.message.split('\n')[0]}`);
      log(error.stack || String(error));
    }
  }

  if (wants('d')) {
    log('== (d): search fan-out to slowed indexers, vs the slowest indexer alone');
    const dStarted = Date.now();
    try {
      result.search = await runSearchBench({
        count: env('BENCH_SEARCH_COUNT', 15),
        latencies: process.env.BENCH_SEARCH_LATENCIES ? process.env.BENCH_SEARCH_LATENCIES.split(',') : undefined,
        log,
      });
      result.search.wallS = Math.round((Date.now() - dStarted) / 100) / 10;
      result.problems.push(...result.search.problems.map((p) => `(d) ${p}`));
    } catch (error) {
      failed = true;
      result.search = { error: error.message.split('\n')[0] };
      result.problems.push(`(d): ${error.message.split('\n')[0]}`);
      log(error.stack || String(error));
    }
  }

  if (wants('e')) {
    log('== (e): p99 of a read with one slow instance of three, hedged vs not vs a healthy fleet');
    try {
      result.hedge = await runHedgeBench({
        calls: env('BENCH_HEDGE_CALLS', 3000),
        'hedge-delay': process.env.BENCH_HEDGE_DELAY || 'p95',
        log,
      });
    } catch (error) {
      failed = true;
      result.hedge = { error: error.message.split('\n')[0] };
      result.problems.push(`(e): ${error.message.split('\n')[0]}`);
      log(error.stack || String(error));
    }
  }

  result.machine.loadAverageAtEnd = load();
  result.wallS = Math.round((Date.now() - T0) / 100) / 10;
  result.targets = targets(result);
  const markdown = table(result);
  // A partial run (BENCH_ONLY) leaves the committed bench/results/latest.* alone: it writes beside
  // the OS temp dir's other bench files instead.
  const dir = ONLY.length ? os.tmpdir() : RESULTS;
  const stem = ONLY.length ? `keel-bench-only-${ONLY.join('')}` : 'latest';
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${stem}.json`), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, `${stem}.md`), markdown + '\n');
  process.stdout.write('\n' + markdown + '\n\n');
  const where = ONLY.length ? path.join(dir, stem) : 'bench/results/latest';
  log(`wrote ${where}.json and .md in ${result.wallS} s${failed ? ' (with failures, see problems)' : ''}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`bench failed: ${error && error.stack ? error.stack : error}`);
    children.killAllNow();
    process.exit(1);
  },
);
