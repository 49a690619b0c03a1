'use strict';
// (e) p99 of a read when one instance of three is slow: hedging on vs off, against a healthy fleet,
// in one run. Three real library emulators on 127.0.0.1, the real client (dist/) with the balancer
// meant for hedged reads (--lb, default p2c-ewma: P2C over peak-EWMA latency × outstanding), and a
// closed loop of `concurrency` callers.
// Reports p50/p99 per row, the requests each instance got (the third is the slow one when a row has
// one), and the extra requests hedging sent.
//
// node bench/hedge.bench.js [--out file.json] [--calls 3000] [--concurrency 8] [--slow-ms 100] [--hedge-delay p95]
// [--lb p2c-ewma]
const path = require('node:path');
const { runMain } = require('./lib/cli');

const DIST = path.join(__dirname, '..', 'dist');
const OWNERSHIP = '/api/v1/users/u1/games/g1/ownership';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))];

async function runHedgeBench(options = {}) {
  const calls = Number(options.calls ?? 3000);
  const concurrency = Number(options.concurrency ?? 8);
  const slowMs = Number(options['slow-ms'] ?? 100);
  const hedgeDelay = String(options['hedge-delay'] ?? 'p95');
  const lb = String(options.lb ?? 'p2c-ewma');
  const log = options.log ?? ((line) => process.stderr.write(line + '\n'));

  const { Logger } = require('@nestjs/common');
  Logger.overrideLogger(false);
  const { PolicyRegistry } = require(path.join(DIST, 'libs/resilience/src'));
  const { ResilientHttpClient, UndiciAdapter, httpFailureClassifier, resolveServiceConfig } = require(
    path.join(DIST, 'libs/clients/core/src'),
  );
  const { startLibraryEmulator, sandboxControl } = require(path.join(DIST, 'libs/sandbox/src'));

  const instances = await Promise.all([0, 1, 2].map(() => startLibraryEmulator({ port: 0 })));
  const controls = instances.map((instance) => sandboxControl(instance.url));
  const requestsPerInstance = async () => (await Promise.all(controls.map((c) => c.stats()))).map((s) => s.requests);
  let balancer;

  async function scenario(name, { slow, hedge }) {
    const env = {
      HEDGE_SERVICE_URLS: instances.map((i) => i.url).join(','),
      HEDGE_SERVICE_TIMEOUT: '5s',
      HEDGE_SERVICE_HEDGE_DELAY: hedgeDelay,
      HEDGE_SERVICE_LB: lb,
    };
    const config = resolveServiceConfig('hedge', env);
    balancer = config.balancing.balancer;
    const registry = new PolicyRegistry({});
    const pipeline = registry.get(`hedge-${name}`, { ...config.policy, classifier: httpFailureClassifier });
    const client = new ResilientHttpClient(
      config,
      pipeline,
      new UndiciAdapter({ connections: 32, keepAliveTimeoutMs: 10_000 }),
      {},
    );
    await Promise.all(controls.map((c) => c.heal()));
    if (slow) await controls[2].inject({ mode: 'slow', latencyMs: slowMs });
    const send = () =>
      client.send({ operation: 'ownership', path: OWNERSHIP, hedge, headers: { authorization: 'Bearer bench' } });
    // Warm-up: sockets, JIT, and the p95 the hedge delay reads.
    for (let i = 0; i < 100; i++) await send();
    await Promise.all(controls.map((c) => c.resetStats()));
    const durations = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < calls) {
          const t0 = performance.now();
          await send();
          durations.push(performance.now() - t0);
        }
      }),
    );
    const perInstance = await requestsPerInstance();
    const sent = perInstance.reduce((sum, n) => sum + n, 0);
    await client.close();
    registry.onModuleDestroy();
    durations.sort((a, b) => a - b);
    const row = {
      name,
      calls: durations.length,
      p50Ms: +quantile(durations, 0.5).toFixed(2),
      p99Ms: +quantile(durations, 0.99).toFixed(2),
      requestsSent: sent,
      slowInstanceRequests: perInstance[2],
      extraRequestShare: +((sent - durations.length) / durations.length).toFixed(3),
    };
    log(
      `  ${name}: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ` +
        `${sent} requests for ${row.calls} calls (${perInstance.join('/')} per instance)`,
    );
    return row;
  }

  log(
    `(e) ${calls} reads, ${concurrency} callers, one instance of three ${slowMs} ms slower, hedge delay ${hedgeDelay}`,
  );
  const healthy = await scenario('healthy', { slow: false, hedge: false });
  const slowOff = await scenario('slowNoHedge', { slow: true, hedge: false });
  const slowOn = await scenario('slowHedged', { slow: true, hedge: true });
  await Promise.all(instances.map((i) => i.close()));
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  return {
    config: { calls, concurrency, slowMs, hedgeDelay, balancer },
    rows: { healthy, slowNoHedge: slowOff, slowHedged: slowOn },
    p99HedgedVsHealthy: ratio(slowOn.p99Ms, healthy.p99Ms),
    p99UnhedgedVsHealthy: ratio(slowOff.p99Ms, healthy.p99Ms),
    extraRequestShare: slowOn.extraRequestShare,
  };
}

module.exports = { runHedgeBench };

if (require.main === module) runMain('hedge', runHedgeBench);
