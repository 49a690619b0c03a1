'use strict';
// (d) Search fan-out: `POST /api/v1/movies/{id}/search` on the media-acquisition service, which asks
// Prowlarr once per enabled indexer, in parallel, and caches each indexer's answer. With every
// indexer slowed down (default 200/250/300/350/400 ms), a search should take about as long as the
// slowest indexer alone. The baseline, measured in the same run and interleaved with the searches:
// a direct `GET /api/v1/search?indexerIds=<slowest>` to the Prowlarr emulator, with the same query
// text the service sends. Then the same movies are searched again at once (every indexer's answer is
// cached), to show what the cache saves.
//
// One sandbox child (the Prowlarr and qBittorrent emulators on free ports; the others on ephemeral
// ones), the service as a child (PGlite in memory, LOG_LEVEL=warn, PROWLARR_SERVICE_RATE_LIMIT raised
// so the client's limiter is not what is measured). Every ratio is a ratio of figures of this run.
//
//   node bench/search.bench.js [--count 15] [--latencies 200,250,300,350,400] [--out file.json]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { request } = require('undici');
const children = require('./lib/children');
const { runMain } = require('./lib/cli');
const { cleanEnv, freePort, mintToken, startLogged, waitHealthy } = require('./lib/services');
const { median, percentile, round, sorted } = require('./lib/stats');

const ROOT = path.join(__dirname, '..');
const SERVICE_MAIN = path.join(ROOT, 'dist/apps/media-acquisition/src/main.js');
const SANDBOX_MAIN = path.join(ROOT, 'dist/apps/sandbox/src/main.js');
const SANDBOX_LIB = path.join(ROOT, 'dist/libs/sandbox/src/index.js');
const EMULATORS = ['library', 'chat', 'user', 'knowledge', 'prowlarr', 'qbittorrent', 'llm', 'tmdb'];
/** The sandbox's default key, which the service's client also falls back to. */
const API_KEY = 'keel-sandbox-prowlarr-api-key';
/** High enough that Prowlarr's client-side rate limiter (60/1m by default) never waits here. */
const RATE_LIMIT = '100000/1m';
const summary = (values) => ({
  samples: values.length,
  p50Ms: round(median(values)),
  p95Ms: round(percentile(values, 95)),
  minMs: round(sorted(values)[0]),
  maxMs: round(sorted(values).at(-1)),
});
const ratio = (a, b) => (a === null || b === null || !(b > 0) ? null : round(a / b, 3));

function benchMovies(seeds, count) {
  const list = [];
  for (let i = 0; list.length < count; i++) {
    const seed = seeds[i % seeds.length];
    const offset = Math.floor(i / seeds.length);
    // The first pass uses the real ids (the releases match, the decision engine approves some); later
    // passes shift the year and drop the ids, which must stay unique (matched by title words only).
    // searchOnAdd false: the bench times the searches it sends, not ones started by the add.
    list.push(
      offset === 0
        ? { ...seed, searchOnAdd: false }
        : { title: seed.title, year: seed.year + offset, searchOnAdd: false },
    );
  }
  return list;
}

/** The `query` the service's Prowlarr client sends for a movie (libs/clients/prowlarr searchQuery). */
function queryText(movie) {
  return [
    movie.imdbId && `{ImdbId:${movie.imdbId}}`,
    movie.tmdbId !== undefined && `{TmdbId:${movie.tmdbId}}`,
    movie.title,
  ]
    .filter(Boolean)
    .join(' ');
}

/** One timed request; the body is read in full inside the timing. */
async function timed(url, options) {
  const started = process.hrtime.bigint();
  const res = await request(url, { headersTimeout: 30000, bodyTimeout: 30000, ...options });
  const text = await res.body.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: res.statusCode, text };
}

/**
 * Runs (d). Options: count (searches per pass, default 15), latencies (ms of indexers 1..5, default
 * 200,250,300,350,400), log. Returns the figures; `problems` lists anything that was not as expected.
 */
async function runSearchBench(options = {}) {
  const count = Number(options.count ?? 15);
  const latencies = (options.latencies ?? [200, 250, 300, 350, 400]).map(Number);
  const log = options.log ?? ((line) => process.stderr.write(line + '\n'));
  const problems = [];
  const notes = [];
  const { prowlarrControl, PROWLARR_MOVIES } = require(SANDBOX_LIB);
  const slowest = latencies.indexOf(Math.max(...latencies)) + 1;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-bench-search-'));
  const removeTmp = children.onExit(() => {
    if (!process.env.BENCH_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  });
  let sandbox;
  let service;
  let control;
  try {
    // The sandbox: Prowlarr and qBittorrent on free ports we know, every other emulator on an
    // ephemeral one, so a sandbox already running on the fixed ports is neither hit nor disturbed.
    const prowlarrPort = await freePort();
    const qbittorrentPort = await freePort();
    const tmdbPort = await freePort();
    const ports = { prowlarr: prowlarrPort, qbittorrent: qbittorrentPort, tmdb: tmdbPort };
    sandbox = startLogged([SANDBOX_MAIN], {
      cwd: ROOT,
      env: cleanEnv(
        Object.fromEntries(EMULATORS.map((name) => [`SANDBOX_${name.toUpperCase()}_PORT`, String(ports[name] ?? 0)])),
      ),
      logFile: path.join(tmp, 'sandbox.log'),
    });
    const prowlarrUrl = `http://127.0.0.1:${prowlarrPort}`;
    const qbittorrentUrl = `http://127.0.0.1:${qbittorrentPort}`;

    const servicePort = await freePort();
    const base = `http://127.0.0.1:${servicePort}`;
    const started = Date.now();
    service = startLogged([SERVICE_MAIN], {
      cwd: tmp,
      env: cleanEnv({
        PORT: String(servicePort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SHUTDOWN_DELAY: '0',
        MEDIA_DATA_DIR: 'memory://',
        // The scheduled jobs would search Prowlarr in the middle of the timings (and of its search log).
        MEDIA_RSS_SYNC_INTERVAL: '0',
        MEDIA_MISSING_SEARCH_INTERVAL: '0',
        MEDIA_LIBRARY_ROOT: path.join(tmp, 'library'),
        PROWLARR_SERVICE_URL: prowlarrUrl,
        PROWLARR_SERVICE_RATE_LIMIT: RATE_LIMIT,
        QBITTORRENT_SERVICE_URL: qbittorrentUrl,
        TMDB_SERVICE_URL: `http://127.0.0.1:${tmdbPort}`,
      }),
      logFile: path.join(tmp, 'media-acquisition.log'),
    });
    await waitHealthy(`${prowlarrUrl}/ping`, sandbox, 30000);
    await waitHealthy(`${qbittorrentUrl}/health`, sandbox, 30000);
    log(`sandbox: prowlarr emulator on ${prowlarrUrl}, qbittorrent on ${qbittorrentUrl}`);
    await waitHealthy(`${base}/api/health/live`, service, 90000);
    const startupMs = Date.now() - started;
    log(`media-acquisition up on ${base} in ${(startupMs / 1000).toFixed(1)} s (PGlite in memory)`);

    control = prowlarrControl(prowlarrUrl);
    await control.resetIndexers();
    for (let id = 1; id <= latencies.length; id++)
      await control.setIndexer(id, { latencyMs: latencies[id - 1], failing: false });

    // Adding movies and searching are writes: they need media:write (MEDIA_WRITE_ROLES).
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${mintToken(undefined, ['media:write'])}`,
    };
    const movies = benchMovies(Object.values(PROWLARR_MOVIES), count + 1);
    const ids = [];
    for (const movie of movies) {
      const res = await timed(`${base}/api/v1/movies`, { method: 'POST', headers, body: JSON.stringify(movie) });
      if (res.status !== 201)
        throw new Error(
          `POST /api/v1/movies ${JSON.stringify(movie)} answered ${res.status}: ${res.text.slice(0, 300)}`,
        );
      ids.push(JSON.parse(res.text).id);
    }
    const [warmId, ...searchIds] = ids;
    const [warmMovie, ...searchMovies] = movies;

    const direct = (movie) => {
      const query = new URLSearchParams({
        type: 'movie',
        query: queryText(movie),
        indexerIds: String(slowest),
        categories: '2000',
        limit: '100',
      });
      return timed(`${prowlarrUrl}/api/v1/search?${query}`, { headers: { 'x-api-key': API_KEY } });
    };
    const search = (id) =>
      timed(`${base}/api/v1/movies/${id}/search`, {
        method: 'POST',
        headers: { authorization: headers.authorization },
      });
    /** Checks one search answer; returns how many releases it judged. */
    const check = (label, res, expectCached) => {
      if (res.status !== 200) {
        problems.push(`${label}: answered ${res.status}: ${res.text.slice(0, 200)}`);
        return null;
      }
      const body = JSON.parse(res.text);
      const bad = body.indexers.filter((x) => x.outcome !== 'ok' || x.cached !== expectCached);
      if (body.degraded || body.indexers.length !== latencies.length || bad.length)
        problems.push(
          `${label}: degraded ${body.degraded}, ${body.indexers.length} indexers, unexpected: ${JSON.stringify(bad)}`,
        );
      return body.releases.length;
    };

    // Warm-up, outside the timings: the connections, the JIT, and the service's 5-minute cache of
    // the indexer list (the first search of a process also lists the indexers).
    for (let i = 0; i < 2; i++) await direct(warmMovie);
    check('warm-up search', await search(warmId), false);
    await control.resetSearchLog();

    // Uncached fan-out, each search paired with a direct call to the slowest indexer just before it.
    const baselineMs = [];
    const fanOutMs = [];
    const releasesJudged = [];
    for (let i = 0; i < count; i++) {
      const b = await direct(searchMovies[i]);
      if (b.status !== 200) problems.push(`direct search ${i + 1}: answered ${b.status}: ${b.text.slice(0, 200)}`);
      baselineMs.push(b.ms);
      const s = await search(searchIds[i]);
      releasesJudged.push(check(`search ${i + 1}`, s, false));
      fanOutMs.push(s.ms);
    }
    const log1 = await control.searchLog();
    const expectedCalls = count * (1 + latencies.length);
    if (log1.length !== expectedCalls)
      problems.push(
        `uncached pass: Prowlarr saw ${log1.length} searches, expected ${expectedCalls} ` +
          `(${count} direct + ${count} × ${latencies.length} indexers)`,
      );
    await control.resetSearchLog();

    // Cached repeat, at once (well inside MEDIA_SEARCH_CACHE_TTL, 2 min): Prowlarr must not be asked.
    const cachedMs = [];
    for (let i = 0; i < count; i++) {
      const s = await search(searchIds[i]);
      check(`cached search ${i + 1}`, s, true);
      cachedMs.push(s.ms);
    }
    const log2 = await control.searchLog();
    if (log2.length !== 0) problems.push(`cached pass: Prowlarr saw ${log2.length} searches, expected 0`);

    const baseline = summary(baselineMs);
    const fanOut = summary(fanOutMs);
    const cached = summary(cachedMs);
    const perPair = fanOutMs.map((ms, i) => ms / baselineMs[i]);
    const result = {
      config: {
        count,
        indexerLatenciesMs: latencies,
        slowestIndexer: slowest,
        rateLimit: RATE_LIMIT,
        logLevel: 'warn',
        database: 'PGlite in memory (MEDIA_DATA_DIR=memory://)',
        searchCacheTtl: 'default (2 min)',
        indexerTimeout: 'default (8 s)',
      },
      startupMs,
      baseline,
      fanOut,
      cached,
      releasesJudgedMedian: median(releasesJudged.filter((x) => x !== null)),
      releasesJudged,
      // Fan-out ÷ slowest single indexer: ratio of the medians (the reported figure), of the p95s,
      // and the median of the per-pair ratios (each search against the direct call just before it).
      fanOutRatio: ratio(fanOut.p50Ms, baseline.p50Ms),
      fanOutRatioP95: ratio(fanOut.p95Ms, baseline.p95Ms),
      fanOutRatioPairedMedian: round(median(perPair), 3),
      fanOutOverheadMs: round(fanOut.p50Ms - baseline.p50Ms),
      cachedRatio: ratio(cached.p50Ms, fanOut.p50Ms),
      target: 1.1,
      samplesMs: {
        baseline: baselineMs.map((x) => round(x)),
        fanOut: fanOutMs.map((x) => round(x)),
        cached: cachedMs.map((x) => round(x)),
      },
      prowlarrSearches: { uncachedPass: log1.length, cachedPass: log2.length },
      notes,
      problems,
    };
    log(
      `  slowest indexer alone p50 ${baseline.p50Ms} ms; fan-out p50 ${fanOut.p50Ms} ms, ` +
        `p95 ${fanOut.p95Ms} ms (${result.fanOutRatio}×); ` +
        `cached p50 ${cached.p50Ms} ms (${result.cachedRatio}× of uncached)`,
    );
    return result;
  } catch (error) {
    if (service && service.tail) error.message += `\n--- media-acquisition log ---\n${service.tail(20)}`;
    throw error;
  } finally {
    if (control) await control.resetIndexers().catch(() => undefined);
    await children.stop(service, 5000);
    await children.stop(sandbox, 3000);
    removeTmp();
    if (!process.env.BENCH_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}

module.exports = { runSearchBench };

if (require.main === module) {
  children.installCleanup();
  runMain('search', (args) =>
    runSearchBench({ count: args.count, latencies: args.latencies ? String(args.latencies).split(',') : undefined }),
  );
}
