// The README's media-acquisition walk-through over HTTP, against `npm start`: add a movie, search,
// grab, wait for the sandbox qBittorrent to finish, and find the imported hardlink on disk; then
// Prowlarr down → 503 problem+json with Retry-After. Writes need a write role: a plain user's token
// gets 403 on a write and 200 on a read. Used by check-metrics.js.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MEDIA = 'http://127.0.0.1:3004';
const PROWLARR = 'http://127.0.0.1:3105';
const { sleep, waitLive } = require('./wait-live');

/** Settings for `npm start` that make the walk-through quick: a 3 s download, a 1 s monitor. */
const MEDIA_ENV = { SANDBOX_QBITTORRENT_DOWNLOAD_MS: '3000', MEDIA_MONITOR_INTERVAL: '1s' };

/** The README's writer token: `npm run -s token -- --sub u1 --roles media:write`. */
const writerToken = () =>
  execFileSync(
    process.execPath,
    [path.join(__dirname, '..', 'token', 'token.js'), '--sub', 'u1', '--roles', 'media:write'],
    { encoding: 'utf8' },
  ).trim();

/** `readerToken`: any signed-in user's token (no role); the writes are made with a media:write token. */
async function mediaWalkthrough(readerToken, expect) {
  // npm start boots the services side by side; media-acquisition may still be migrating its PGlite.
  expect(await waitLive(MEDIA), 'media-acquisition never served /api/health/live');
  const libraryRoot = path.join(os.tmpdir(), 'keel-media', 'library');
  fs.rmSync(path.join(libraryRoot, 'Blade Runner 2049 (2017)'), { recursive: true, force: true });
  const token = writerToken();
  const call = async (method, route, body, bearer = token) => {
    const headers = {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    const response = await fetch(`${MEDIA}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };

  const refused = await call('POST', '/api/v1/movies', { title: 'Blade Runner 2049', year: 2017 }, readerToken);
  expect(refused.status === 403, `POST /movies without a write role answered ${refused.status}, not 403`);
  const movie = await call('POST', '/api/v1/movies', {
    title: 'Blade Runner 2049',
    year: 2017,
    imdbId: 'tt1856101',
    tmdbId: 335984,
    runtimeMinutes: 164,
    searchOnAdd: false,
  });
  expect(movie.status === 201, `POST /movies answered ${movie.status}`);
  const read = await call('GET', `/api/v1/movies/${movie.body.id}`, undefined, readerToken);
  expect(read.status === 200, `GET /movies/{id} without a write role answered ${read.status}, not 200`);
  const search = await call('POST', `/api/v1/movies/${movie.body.id}/search`);
  expect(
    search.status === 200 && search.body.releases[0]?.rank === 1,
    `search answered ${search.status} without a ranked release`,
  );
  const grab = await call('POST', `/api/v1/movies/${movie.body.id}/grab`, {});
  expect(grab.status === 201, `grab answered ${grab.status}`);
  let imported;
  for (let i = 0; i < 120 && !imported; i++) {
    const current = await call('GET', `/api/v1/movies/${movie.body.id}`);
    if (current.body.file) imported = current.body;
    else await sleep(250);
  }
  expect(imported, 'the grabbed movie was never imported');
  const file = path.join(libraryRoot, imported.file.relativePath);
  expect(fs.statSync(file).nlink === 2, `${file} is not a hardlink of the download`);

  await fetch(`${PROWLARR}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'down', path: '/api/v1' }),
  });
  const other = await call('POST', '/api/v1/movies', { title: 'Arrival', year: 2016, searchOnAdd: false });
  const down = await call('POST', `/api/v1/movies/${other.body.id}/search`);
  await fetch(`${PROWLARR}/_sandbox/faults`, { method: 'DELETE' });
  expect(
    down.status === 503 &&
      down.headers.get('retry-after') &&
      (down.headers.get('content-type') ?? '').startsWith('application/problem+json'),
    `Prowlarr down: search answered ${down.status}`,
  );
  console.log(
    `media walk-through: movie → search (${search.body.releases.length} releases) → ` +
      `grab → imported ${imported.file.relativePath} (hardlink) → Prowlarr down 503 + ` +
      `Retry-After`,
  );
  return (await fetch(`${MEDIA}/metrics`)).text();
}

module.exports = { mediaWalkthrough, MEDIA_ENV };
