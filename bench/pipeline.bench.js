'use strict';
// (a) Per-call overhead of a resilience pipeline around an already-resolved async call, and
// (b) the cost of a rejection while the circuit is open.
//
// Every variant runs a fixed count of awaited calls per round, after a warm-up; rounds are
// interleaved and their order rotates, and the median round counts. Overhead = variant − bare.
//
//   node --expose-gc bench/pipeline.bench.js [--out file.json] [--rounds 7] [--count 20000]
const path = require('node:path');
const { runMain } = require('./lib/cli');

const DIST = path.join(__dirname, '..', 'dist');

/**
 * A loop of its own per variant (`new Function` gives each its own feedback vector), so that the
 * variants' call sites do not turn one shared loop megamorphic.
 */
function makeLoop(kind) {
  const body =
    kind === 'reject'
      ? 'for (let i = 0; i < n; i++) await call().catch(noop);'
      : 'for (let i = 0; i < n; i++) await call();';
  const src =
    `return async function loop(call, n) { const c0 = cpuUsage(); const t0 = hrtime(); ` +
    `${body} const wall = Number(hrtime() - t0); const c = cpuUsage(c0); ` +
    `return [wall / n, ((c.user + c.system) * 1000) / n]; };`;
  return new Function('hrtime', 'cpuUsage', 'noop', src)(process.hrtime.bigint, process.cpuUsage, () => undefined);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const gc = typeof global.gc === 'function' ? global.gc : () => undefined;

/**
 * Runs `variants` for `rounds` rounds, rotating the order each round; returns, per variant and round,
 * wall ns/call (process.hrtime.bigint) and CPU ns/call (process.cpuUsage: user + system of the whole
 * process, GC threads included). On a shared machine the CPU figure is the steadier one.
 */
async function measure(variants, { rounds, warmup, log }) {
  const loops = new Map(variants.map((v) => [v.name, makeLoop(v.kind)]));
  for (const v of variants) await loops.get(v.name)(v.call, Math.max(1, Math.round(warmup * v.scale)));
  const samples = Object.fromEntries(variants.map((v) => [v.name, []]));
  const cpu = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const v of order) {
      const n = Math.max(1, Math.round(v.count * v.scale));
      await loops.get(v.name)(v.call, Math.max(1, Math.round(n / 20))); // re-warm after the others ran
      gc();
      const [wallNs, cpuNs] = await loops.get(v.name)(v.call, n);
      samples[v.name].push(wallNs);
      cpu[v.name].push(cpuNs);
    }
    log?.(
      `  round ${round + 1}/${rounds}: ` +
        `${order.map((v) => `${v.name} ${(samples[v.name][round] / 1000).toFixed(2)}µs`).join(', ')} (wall per call)`,
    );
  }
  return { wall: samples, cpu };
}

async function runPipelineBench(options = {}) {
  const rounds = Number(options.rounds ?? 7);
  const count = Number(options.count ?? 20000);
  const warmup = Number(options.warmup ?? 5000);
  const log = options.log ?? ((line) => process.stderr.write(line + '\n'));

  const { Logger } = require('@nestjs/common');
  // Only the circuit's state change logs (once, on isolate): keep it out of the output.
  Logger.overrideLogger(false);
  const { PolicyRegistry, FleetLink, ResiliencePipeline, DEFAULT_POLICY_OPTIONS, noopObserver } = require(
    path.join(DIST, 'libs/resilience/src'),
  );
  const cockatiel = require('cockatiel');
  const CircuitBreaker = require('opossum');

  const value = { ok: true };
  const fn = () => Promise.resolve(value);
  const opts = { operation: 'op' };

  // Ours, with metrics (prom-client's default registry) and, for the split, with a no-op observer.
  const ours = new PolicyRegistry({}).get('bench');
  const oursNoMetrics = new ResiliencePipeline('bench-nometrics', DEFAULT_POLICY_OPTIONS, noopObserver);
  // Ours with the fleet's shared state (REDIS_URL): closed and healthy, a call must not touch Redis.
  const fleet = process.env.REDIS_URL
    ? new FleetLink({
        url: process.env.REDIS_URL,
        service: 'bench',
        namespace: `keel-bench-${process.pid}`,
        commandTimeoutMs: 50,
      })
    : undefined;
  if (fleet) {
    await fleet.start();
    if (!fleet.available) throw new Error(`REDIS_URL is set but Redis is unavailable: ${fleet.status.error}`);
  } else log('REDIS_URL is not set: the shared-state (Redis) rows are skipped');
  const oursFleet = fleet && new PolicyRegistry({}, fleet).get('bench-fleet');

  const { wrap, retry, circuitBreaker, timeout, bulkhead, handleAll, ConsecutiveBreaker, TimeoutStrategy } = cockatiel;
  const cockatielPolicy = () =>
    wrap(
      retry(handleAll, { maxAttempts: 2 }),
      circuitBreaker(handleAll, {
        halfOpenAfter: 30000,
        breaker: new ConsecutiveBreaker(5),
      }),
      timeout(10000, TimeoutStrategy.Cooperative),
      bulkhead(32, 128),
    );
  const cockatielWrap = cockatielPolicy();
  const opossum = new CircuitBreaker(fn);
  const { InstanceSet, balancerOf } = require(path.join(DIST, 'libs/clients/core/src'));
  const balanced = new PolicyRegistry({}).get('bench-balanced');
  const { BasicTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
  const dropping = { export: (_spans, done) => done({ code: 0 }), shutdown: () => Promise.resolve() };
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new BatchSpanProcessor(dropping, { maxQueueSize: 100000, maxExportBatchSize: 4096 })],
  });
  const tracer = tracerProvider.getTracer('bench');
  const instances = new InstanceSet(['http://10.0.0.1', 'http://10.0.0.2', 'http://10.0.0.3'], balancerOf('p2c-ewma'), {
    consecutiveFailures: 5,
    baseEjectionMs: 30000,
    maxEjectionMs: 300000,
    maxEjectionPercent: 50,
  });

  log(`(a) per-call overhead: ${rounds} rounds × ${count} awaited calls per variant`);
  const callVariants = [
    { name: 'bare', kind: 'call', scale: 1, call: () => fn() },
    {
      name: 'ours',
      kind: 'call',
      scale: 1,
      call: () => ours.execute(fn, opts),
    },
    {
      name: 'oursNoMetrics',
      kind: 'call',
      scale: 1,
      call: () => oursNoMetrics.execute(fn, opts),
    },
    {
      name: 'cockatiel',
      kind: 'call',
      scale: 0.25,
      call: () => cockatielWrap.execute(fn),
    },
    { name: 'opossum', kind: 'call', scale: 0.5, call: () => opossum.fire() },
    ...(oursFleet ? [{ name: 'oursFleet', kind: 'call', scale: 1, call: () => oursFleet.execute(fn, opts) }] : []),
    {
      // What the client adds per attempt over three instances: a P2C pick (the default, over
      // peak-EWMA latency × outstanding), and the instance's outstanding count, latency estimate and
      // window, and ejection tally around the call.
      name: 'oursBalanced',
      kind: 'call',
      scale: 1,
      call: () =>
        balanced.execute(() => {
          const instance = instances.pick();
          const startedAt = instances.begin(instance);
          return fn().then((answer) => {
            instances.end(instance, 'success', startedAt);
            return answer;
          });
        }, opts),
    },
    {
      // The same with tracing on: a client span per attempt, with its attributes, through the real
      // SDK (a batch processor whose exporter drops the spans, so no I/O is measured).
      name: 'oursTraced',
      kind: 'call',
      scale: 1,
      call: () =>
        balanced.execute(({ attempt }) => {
          const instance = instances.pick();
          const startedAt = instances.begin(instance);
          const span = tracer.startSpan('library checkOwnership', {
            kind: 3,
            attributes: {
              'http.request.method': 'GET',
              'server.address': instance.url,
              'keel.downstream': 'library',
              'keel.operation': 'checkOwnership',
              'keel.attempt': attempt,
              'keel.breaker.state': 'closed',
            },
          });
          return fn().then((answer) => {
            instances.end(instance, 'success', startedAt);
            span.setAttribute('http.response.status_code', 200);
            span.setAttribute('keel.outcome', 'success');
            span.end();
            return answer;
          });
        }, opts),
    },
  ].map((v) => ({ ...v, count }));
  const callSamples = await measure(callVariants, { rounds, warmup, log });
  opossum.shutdown();

  // (b) Open circuit. Ours: isolateCircuit(). cockatiel: an isolated breaker alone (its cheapest
  // rejection) and, for reference, the same default wrap with its breaker isolated (the retry policy
  // retries the IsolatedCircuitError twice, with a setTimeout(0) between tries). opossum: open().
  const openOurs = new PolicyRegistry({}).get('bench-open');
  await openOurs.isolateCircuit();
  const openFleet = fleet && new PolicyRegistry({}, fleet).get('bench-fleet-open');
  if (openFleet) await openFleet.isolateCircuit();
  const openBreaker = circuitBreaker(handleAll, {
    halfOpenAfter: 30000,
    breaker: new ConsecutiveBreaker(5),
  });
  openBreaker.isolate();
  const wrapBreaker = circuitBreaker(handleAll, {
    halfOpenAfter: 30000,
    breaker: new ConsecutiveBreaker(5),
  });
  const openWrap = wrap(
    retry(handleAll, { maxAttempts: 2 }),
    wrapBreaker,
    timeout(10000, TimeoutStrategy.Cooperative),
    bulkhead(32, 128),
  );
  wrapBreaker.isolate();
  const openOpossum = new CircuitBreaker(fn);
  openOpossum.open();
  const preallocated = new Error('preallocated');

  // Sanity: each open variant must reject without calling fn.
  let called = 0;
  const counting = () => {
    called++;
    return Promise.resolve(value);
  };
  await Promise.all(
    [
      openOurs.execute(counting, opts),
      openBreaker.execute(counting),
      openWrap.execute(counting),
      ...(openFleet ? [openFleet.execute(counting, opts)] : []),
    ].map((p) =>
      p.then(
        () => called++,
        () => undefined,
      ),
    ),
  );
  if (called) throw new Error('an open-circuit variant let a call through');

  log(`(b) open-circuit rejection: ${rounds} rounds × ${count} awaited rejections per variant`);
  const rejectVariants = [
    {
      name: 'bareReject',
      kind: 'reject',
      scale: 1,
      call: () => Promise.reject(preallocated),
    },
    {
      name: 'ours',
      kind: 'reject',
      scale: 1,
      call: () => openOurs.execute(fn, opts),
    },
    {
      name: 'cockatielBreaker',
      kind: 'reject',
      scale: 0.5,
      call: () => openBreaker.execute(fn),
    },
    {
      name: 'cockatielWrap',
      kind: 'reject',
      scale: 0.005,
      call: () => openWrap.execute(fn),
    },
    {
      name: 'opossum',
      kind: 'reject',
      scale: 0.5,
      call: () => openOpossum.fire(),
    },
    ...(openFleet ? [{ name: 'oursFleet', kind: 'reject', scale: 1, call: () => openFleet.execute(fn, opts) }] : []),
  ].map((v) => ({ ...v, count }));
  const rejectSamples = await measure(rejectVariants, { rounds, warmup, log });
  openOpossum.shutdown();
  for (const p of [ours, oursNoMetrics, balanced, openOurs, oursFleet, openFleet]) p?.dispose();
  await tracerProvider.shutdown();
  // Nothing of a healthy closed circuit may have reached Redis: the fleet's calls above are pure in-process.
  await fleet?.close();

  const round1 = (x) => Math.round(x * 10) / 10;
  const us2 = (ns) => Math.round(ns / 10) / 100;
  const summarise = ({ wall, cpu }, variants, bareName) => {
    const out = {};
    const bareWall = median(wall[bareName]);
    const bareCpu = median(cpu[bareName]);
    for (const v of variants) {
      const ns = median(wall[v.name]);
      const cpuNs = median(cpu[v.name]);
      out[v.name] = {
        callsPerRound: Math.max(1, Math.round(v.count * v.scale)),
        nsPerCallRounds: wall[v.name].map(round1),
        nsPerCallMedian: round1(ns),
        overheadUs: v.name === bareName ? 0 : us2(ns - bareWall),
        cpuNsPerCallRounds: cpu[v.name].map(round1),
        cpuNsPerCallMedian: round1(cpuNs),
        cpuOverheadUs: v.name === bareName ? 0 : us2(cpuNs - bareCpu),
      };
    }
    return out;
  };

  const overhead = summarise(callSamples, callVariants, 'bare');
  const rejection = summarise(rejectSamples, rejectVariants, 'bareReject');
  const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  return {
    config: {
      rounds,
      count,
      warmup,
      gcBetweenVariants: typeof global.gc === 'function',
      node: process.version,
    },
    overhead: {
      variants: overhead,
      targetUs: 5,
      oursUs: overhead.ours.overheadUs,
      oursCpuUs: overhead.ours.cpuOverheadUs,
      oursVsTarget: ratio(overhead.ours.overheadUs, 5),
      oursCpuVsTarget: ratio(overhead.ours.cpuOverheadUs, 5),
      oursVsCockatiel: ratio(overhead.ours.overheadUs, overhead.cockatiel.overheadUs),
      oursVsOpossum: ratio(overhead.ours.overheadUs, overhead.opossum.overheadUs),
      metricsShareUs: Math.round((overhead.ours.overheadUs - overhead.oursNoMetrics.overheadUs) * 100) / 100,
      metricsShareCpuUs: Math.round((overhead.ours.cpuOverheadUs - overhead.oursNoMetrics.cpuOverheadUs) * 100) / 100,
      oursFleetUs: overhead.oursFleet?.overheadUs ?? null,
      oursFleetCpuUs: overhead.oursFleet?.cpuOverheadUs ?? null,
      oursBalancedUs: overhead.oursBalanced.overheadUs,
      oursBalancedCpuUs: overhead.oursBalanced.cpuOverheadUs,
      oursTracedUs: overhead.oursTraced.overheadUs,
      oursTracedCpuUs: overhead.oursTraced.cpuOverheadUs,
    },
    rejection: {
      variants: rejection,
      targetUs: 2,
      oursUs: rejection.ours.overheadUs,
      oursCpuUs: rejection.ours.cpuOverheadUs,
      oursVsTarget: ratio(rejection.ours.overheadUs, 2),
      oursCpuVsTarget: ratio(rejection.ours.cpuOverheadUs, 2),
      oursVsCockatielBreaker: ratio(rejection.ours.overheadUs, rejection.cockatielBreaker.overheadUs),
      oursVsCockatielWrap: ratio(rejection.ours.overheadUs, rejection.cockatielWrap.overheadUs),
      oursVsOpossum: ratio(rejection.ours.overheadUs, rejection.opossum.overheadUs),
      oursFleetUs: rejection.oursFleet?.overheadUs ?? null,
      oursFleetCpuUs: rejection.oursFleet?.cpuOverheadUs ?? null,
    },
  };
}

module.exports = { runPipelineBench };

if (require.main === module) runMain('pipeline', runPipelineBench);
