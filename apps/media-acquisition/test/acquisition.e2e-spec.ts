import { statSync } from 'node:fs';
import { join } from 'node:path';
import { signTestToken } from '@keel/platform/testing';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const BR2049 = { title: 'Blade Runner 2049', year: 2017, imdbId: 'tt1856101', tmdbId: 335984, runtimeMinutes: 164 };

describe('media-acquisition: add → search → grab → progress → import (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('imports the best release as a hardlink under a clean Radarr name', async () => {
    // Arrange
    const created = await bed.call('POST', '/api/v1/movies', BR2049);
    expect(created.status).toBe(201);
    const movieId = created.body.id as string;

    // Act: search
    const search = await bed.call('POST', `/api/v1/movies/${movieId}/search`);

    // Assert: every indexer answered; approved releases first and ranked; CAMs rejected with a reason
    expect(search.status).toBe(200);
    expect(search.body.degraded).toBe(false);
    expect(search.body.indexers.every((i: { outcome: string }) => i.outcome === 'ok')).toBe(true);
    const releases = search.body.releases as {
      title: string;
      approved: boolean;
      rank?: number;
      quality: string;
      rejections: { code: string }[];
    }[];
    expect(releases.length).toBeGreaterThan(3);
    expect(releases[0]).toMatchObject({ approved: true, rank: 1, quality: 'Bluray-1080p' });
    const firstRejected = releases.findIndex((r) => !r.approved);
    expect(releases.slice(firstRejected).every((r) => !r.approved && r.rejections.length > 0)).toBe(true);

    // Act: grab the best
    const grab = await bed.call('POST', `/api/v1/movies/${movieId}/grab`, {});

    // Assert
    expect(grab.status).toBe(201);
    expect(grab.body).toMatchObject({ state: 'downloading', releaseTitle: releases[0].title, quality: 'Bluray-1080p' });
    expect(grab.body.downloadId).toMatch(/^[0-9A-F]{40}$/);
    const again = await bed.call('POST', `/api/v1/movies/${movieId}/grab`, {});
    expect(again.status).toBe(409);

    // Progress shows in the queue while it downloads
    const queue = await bed.call('GET', '/api/v1/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ movieId, downloadId: grab.body.downloadId, movie: 'Blade Runner 2049 (2017)' }),
    ]);

    // Imported, with its file
    const movie = await eventually(
      async () => {
        const answer = await bed.call('GET', `/api/v1/movies/${movieId}`);
        return answer.body.file ? answer.body : undefined;
      },
      30_000,
      'the import',
    );
    expect(movie).toMatchObject({ status: 'downloaded', download: { state: 'imported', progress: 1 } });
    // Radarr's {Quality Full}: a PROPER or REPACK (revision 2) is named "… Bluray-1080p Proper".
    const proper = /\b(PROPER|REPACK)\b/i.test(releases[0].title) ? ' Proper' : '';
    expect(movie.file).toMatchObject({
      relativePath: `Blade Runner 2049 (2017)/Blade Runner 2049 (2017) Bluray-1080p${proper}.mkv`,
      quality: 'Bluray-1080p',
      transfer: 'hardlink',
    });
    const onDisk = statSync(join(bed.libraryRoot, movie.file.relativePath));
    expect(onDisk.isFile()).toBe(true);
    expect(onDisk.nlink).toBe(2);
    expect((await bed.call('GET', '/api/v1/queue')).body.items).toEqual([]);
  });

  it('streams grab, progress and state events to frontends over SSE', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1' });
    const abort = new AbortController();
    const stream = await fetch(`${bed.service.url}/api/v1/queue/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const id = (await bed.call('POST', '/api/v1/movies', { title: 'Inception', year: 2010, imdbId: 'tt1375666' })).body
      .id;

    // Act
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});

    // Assert
    const seen = new Set<string>();
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (!seen.has('imported')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (const match of buffer.matchAll(/^data: (.+)$/gm)) {
        const event = JSON.parse(match[1]) as { type: string; downloadId: string; state: string };
        if (event.downloadId !== grab.body.downloadId) continue;
        seen.add(event.type);
        if (event.state === 'imported') seen.add('imported');
      }
    }
    abort.abort();
    expect([...seen]).toEqual(expect.arrayContaining(['grabbed', 'progress', 'state', 'imported']));
  });

  it('answers bad input with problem+json and writes nothing', async () => {
    // Act
    const unknownField = await bed.call('POST', '/api/v1/movies', {
      ...BR2049,
      title: 'Arrival',
      year: 2016,
      imdbId: undefined,
      tmdbId: undefined,
      rating: 5,
    });
    const badYear = await bed.call('POST', '/api/v1/movies', { title: 'X', year: 'soon' });
    const unknownProfile = await bed.call('POST', '/api/v1/movies', {
      title: 'Arrival',
      year: 2016,
      qualityProfile: 'nope',
    });
    const duplicate = await bed.call('POST', '/api/v1/movies', BR2049);
    const missing = await bed.call('GET', '/api/v1/movies/7d4f3a5e-9a8b-4c1d-8e2f-0a1b2c3d4e5f');
    const list = await bed.call('GET', '/api/v1/movies');

    // Assert
    expect(unknownField.status).toBe(400);
    expect(unknownField.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(unknownField.body.errors)).toContain('rating');
    expect(badYear.status).toBe(400);
    expect(unknownProfile.status).toBe(404);
    expect(duplicate.status).toBe(409);
    expect(missing.status).toBe(404);
    expect(list.body.items.map((m: { title: string }) => m.title)).toEqual(['Inception', 'Blade Runner 2049']);
  });

  it('lists the default quality profile and validates new ones', async () => {
    // Act
    const profiles = await bed.call('GET', '/api/v1/quality-profiles');
    const bad = await bed.call('POST', '/api/v1/quality-profiles', {
      name: 'Bad',
      items: [{ quality: 'Bluray-9000p', allowed: true }],
      cutoff: 'Bluray-9000p',
    });
    const good = await bed.call('POST', '/api/v1/quality-profiles', {
      name: 'UHD',
      items: [
        { quality: 'Remux-2160p', allowed: true },
        { quality: 'Bluray-2160p', allowed: true },
      ],
      cutoff: 'Remux-2160p',
    });
    const taken = await bed.call('POST', '/api/v1/quality-profiles', {
      name: 'UHD',
      items: [{ quality: 'Bluray-2160p', allowed: true }],
      cutoff: 'Bluray-2160p',
    });

    // Assert
    expect(profiles.status).toBe(200);
    const hd = profiles.body.items.find((p: { isDefault: boolean }) => p.isDefault);
    expect(hd).toMatchObject({ name: 'HD-1080p', cutoff: 'Bluray-1080p', minSeeders: 1 });
    expect(
      hd.items
        .filter((i: { allowed: boolean }) => i.allowed)
        .map((i: { quality: string }) => i.quality)
        .slice(0, 3),
    ).toEqual(['Bluray-1080p', 'WEBDL-1080p', 'WEBRip-1080p']);
    expect(bad.status).toBe(400);
    expect(good.status).toBe(201);
    expect(taken.status).toBe(409);
  });

  it('shows both downstreams in /api/health; the queue, monitor lease, rate limit in /api/system/status', async () => {
    // Act
    const health = await bed.call('GET', '/api/health');
    const status = await bed.call('GET', '/api/system/status');

    // Assert
    expect(health.body.details).toMatchObject({
      prowlarr: { status: 'up', state: 'healthy' },
      qbittorrent: { status: 'up', state: 'healthy' },
    });
    expect(status.body.queue.counts).toMatchObject({ imported: 2 });
    const prowlarr = status.body.circuits.find((c: { name: string }) => c.name === 'prowlarr');
    expect(prowlarr).toMatchObject({ state: 'closed', rateLimit: { limit: 60, windowMs: 60_000 } });
    expect(prowlarr.rateLimit.used).toBeGreaterThan(0);
    // A lone replica holds the monitor's lease, and says so.
    const lease = status.body.queue.monitor.lease;
    expect(lease).toMatchObject({ name: 'download-monitor', held: true, holder: lease.self });
    expect(Date.parse(lease.expiresAt)).not.toBeNaN();
  });

  it('counts grabs, imports and per-indexer searches in /metrics', async () => {
    // Act
    const metrics = await (await fetch(`${bed.service.url}/metrics`)).text();

    // Assert
    expect(metrics).toMatch(/^media_grabs_total\{trigger="user"\} 2$/m);
    expect(metrics).toMatch(/^media_imports_total\{outcome="imported"\} 2$/m);
    expect(metrics).toMatch(/^media_indexer_searches_total\{indexer="[^"]+",outcome="ok"\} [1-9]/m);
    expect(metrics).toMatch(
      /^downstream_requests_total\{downstream="prowlarr",operation="search",outcome="success"\} [1-9]/m,
    );
  });

  // Last: it shuts the service down.
  it('searches on add: a movie added with searchOnAdd is grabbed and imported with no further call', async () => {
    // Act: one call, by TMDB id alone.
    const added = await bed.call('POST', '/api/v1/movies', { tmdbId: 329865, searchOnAdd: true });
    const imported = await eventually(
      async () => {
        const movie = (await bed.call('GET', `/api/v1/movies/${added.body.id}`)).body;
        return movie.file ? movie : undefined;
      },
      30_000,
      'the import after search on add',
    );

    // Assert
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ title: 'Arrival', year: 2016, status: 'wanted' });
    expect(imported).toMatchObject({ status: 'downloaded', download: { state: 'imported' } });
    const events = (await bed.call('GET', `/api/v1/movies/${added.body.id}/history`)).body.items.map(
      (h: { event: string }) => h.event,
    );
    expect(events).toEqual(['imported', 'grabbed']);
  });

  it('ends open SSE streams when it shuts down, so the drain is not held open', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1' });
    const stream = await fetch(`${bed.service.url}/api/v1/queue/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const reader = stream.body!.getReader();

    // Act
    const closed = bed.service.close();
    let done = false;
    while (!done) done = (await reader.read()).done;
    await closed;

    // Assert
    expect(done).toBe(true);
  });
});
