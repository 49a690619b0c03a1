import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { DownstreamConfigModule, getDownstreamHealthToken } from '@keel/clients-core';
import type { DownstreamHealth } from '@keel/clients-core';
import { ResilienceModule } from '@keel/resilience';
import { QbittorrentAuthError } from './errors/qbittorrent-auth.error';
import { QbittorrentInvalidTorrentError } from './errors/qbittorrent-invalid-torrent.error';
import { QbittorrentClient } from './qbittorrent.client';
import { QbittorrentClientModule } from './qbittorrent-client.module';
import { QBITTORRENT } from './qbittorrent.constants';
import { QbittorrentSession } from './qbittorrent.session';
import type { QbittorrentItem } from './qbittorrent.types';
import { emulatorTarget, noxTarget } from './testing/contract-targets';
import type { ContractTarget, TargetCredentials } from './testing/contract-targets';
import { qbittorrentNoxAvailable, qbittorrentNoxForTests } from './testing/qbittorrent-nox.harness';
import { buildTorrentFile } from './testing/torrent-file.fixture';

/**
 * One contract, several qBittorrents: the real qbittorrent-nox (Debian 4.5.2) and the sandbox
 * emulator pretending to be 4.5.2, 5.0.0 and 5.2.0. The real client, session and policies run
 * against each over loopback; nothing is stubbed. Without qbittorrent-nox a local run skips the real
 * target with a notice; CI must have it. `[real peer: …]` in a title is what the closing line of
 * `npm test` counts (tools/jest/summary-reporter.js).
 */
const NOX_INSTALLED = qbittorrentNoxForTests('qbittorrent contract');
const TARGETS: [string, (credentials: TargetCredentials) => Promise<ContractTarget>, boolean][] = [
  ['qbittorrent-nox (real) [real peer: qbittorrent-nox]', noxTarget, NOX_INSTALLED],
  ['emulator 4.5.2', emulatorTarget('4.5.2'), true],
  ['emulator 5.0.0', emulatorTarget('5.0.0'), true],
  ['emulator 5.2.0', emulatorTarget('5.2.0'), true],
];

const CREDENTIALS: TargetCredentials = { username: 'keel', password: 'keel-test-password' };
const CATEGORY = 'keel-contract';

const randomHash = () => randomBytes(20).toString('hex');
const magnetFor = (hash: string, name: string) => `magnet:?xt=urn:btih:${hash}&dn=${encodeURIComponent(name)}`;

/** Base32 (RFC 4648, no padding) of a hex hash: the other spelling a magnet's btih may use. */
function base32Of(hex: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...Buffer.from(hex, 'hex')].map((byte) => byte.toString(2).padStart(8, '0')).join('');
  return (bits.match(/.{1,5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
}

/** Boots the client module, its downstream and its credentials configured in code. */
async function bootClient(url: string, credentials: TargetCredentials): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ResilienceModule.forRoot({}),
      DownstreamConfigModule.forRoot({
        // Without retries one slow answer (a just-restarted nox on a loaded CI machine) fails a test: a long timeout.
        [QBITTORRENT]: { urls: url, retries: 0, timeout: '30s', settings: { ...credentials } },
      }),
      QbittorrentClientModule,
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

/**
 * qBittorrent applies a state change asynchronously; poll rather than sleep a guess. The bound is
 * generous (CI runs this beside other suites on two loaded cores) and only matters when it fails.
 */
async function eventually(
  read: () => Promise<QbittorrentItem | undefined>,
  until: (item: QbittorrentItem | undefined) => boolean,
): Promise<QbittorrentItem | undefined> {
  const giveUpAt = Date.now() + 20_000;
  let item = await read();
  while (!until(item) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    item = await read();
  }
  return item;
}

(NOX_INSTALLED ? describe : describe.skip)('qbittorrent-nox [real peer: qbittorrent-nox]', () => {
  it('is installed (CI installs it; locally run `apt-get install -y qbittorrent-nox`)', async () => {
    // Arrange: nothing; the real target needs the binary.

    // Act
    const available = await qbittorrentNoxAvailable();

    // Assert
    expect(available).toBe(true);
  });
});

const contract = (start: (credentials: TargetCredentials) => Promise<ContractTarget>) => () => {
  let target: ContractTarget;
  let moduleRef: TestingModule;
  let client: QbittorrentClient;
  let session: QbittorrentSession;

  const find = (id: string) => client.list({ hashes: [id] }).then((items) => items[0]);

  beforeAll(async () => {
    target = await start(CREDENTIALS);
    moduleRef = await bootClient(target.url, CREDENTIALS);
    client = moduleRef.get(QbittorrentClient);
    session = moduleRef.get(QbittorrentSession);
    await client.ensureCategory(CATEGORY);
  }, 60_000);

  afterAll(async () => {
    await moduleRef?.close();
    await target?.stop();
  });

  it('logs in with the configured credentials and reports its versions', async () => {
    // Arrange: the client booted in beforeAll.

    // Act
    const versions = await client.versions();

    // Assert
    expect(versions.app).toMatch(/^v\d+\.\d+\.\d+/);
    if (target.webApi) expect(versions.webApi).toBe(target.webApi);
    else expect(versions.webApi).toMatch(/^\d+\.\d+\.\d+$/);
    expect(session.logins).toBeGreaterThanOrEqual(1);
  });

  it('adds a hex magnet with category and tags, and lists it by category with a mapped status', async () => {
    // Arrange
    const hash = randomHash();

    // Act
    const added = await client.addTorrent({
      urls: [magnetFor(hash, 'Some.Movie.2019.1080p.BluRay.x264')],
      category: CATEGORY,
      tags: ['media-acq', 'test'],
    });
    // A real qBittorrent answers `Ok.` before the torrent shows in its list.
    await eventually(
      () => find(added.id),
      (i) => i !== undefined,
    );
    const listed = await client.list({ category: CATEGORY });

    // Assert
    expect(added).toEqual({ id: hash.toUpperCase(), duplicate: false });
    const item = listed.find((i) => i.id === added.id);
    expect(item).toMatchObject({
      id: hash.toUpperCase(),
      hash,
      category: CATEGORY,
      tags: ['media-acq', 'test'],
      name: expect.any(String),
    });
    expect(['Queued', 'Downloading']).toContain(item?.status);
    expect(item?.progress).toBeGreaterThanOrEqual(0);
    expect(listed.every((i) => i.category === CATEGORY)).toBe(true);
  });

  it('adds a base32 magnet under the hex id', async () => {
    // Arrange
    const hash = randomHash();

    // Act
    const added = await client.addTorrent({
      urls: [`magnet:?xt=urn:btih:${base32Of(hash)}&dn=Base32.Movie.2020`],
      category: CATEGORY,
    });

    // Assert
    expect(added).toEqual({ id: hash.toUpperCase(), duplicate: false });
    expect(
      (
        await eventually(
          () => find(added.id),
          (i) => i !== undefined,
        )
      )?.hash,
    ).toBe(hash);
  });

  it('uploads .torrent bytes (multipart) stopped, and lists them as Paused', async () => {
    // Arrange
    const fixture = buildTorrentFile(`keel-${randomHash().slice(0, 8)}.bin`);

    // Act
    const added = await client.addTorrent({
      torrent: fixture.bytes,
      fileName: 'fixture.torrent',
      category: CATEGORY,
      paused: true,
    });
    const item = await eventually(
      () => find(added.id),
      (i) => i?.status === 'Paused',
    );

    // Assert
    expect(added).toEqual({ id: fixture.infoHash, duplicate: false });
    expect(item).toMatchObject({ status: 'Paused', state: expect.stringMatching(/^(paused|stopped)DL$/) });
  });

  it('reports the same torrent added again as a duplicate, under the same id', async () => {
    // Arrange
    const magnet = magnetFor(randomHash(), 'Twice.2022');
    const first = await client.addTorrent({ urls: [magnet], category: CATEGORY });

    // Act
    const second = await client.addTorrent({ urls: [magnet], category: CATEGORY });

    // Assert
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ id: first.id, duplicate: true });
    expect(await client.list({ hashes: [first.id] })).toHaveLength(1);
  });

  it('refuses a magnet without an info hash before calling qBittorrent', async () => {
    // Arrange
    const calls = moduleRef.get(QbittorrentSession);
    const send = jest.spyOn(calls, 'call');

    // Act
    const error = await client.addTorrent({ urls: ['magnet:?dn=No.Hash'] }).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(QbittorrentInvalidTorrentError);
    expect((error as QbittorrentInvalidTorrentError).status).toBe(400);
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
  });

  it('removes a torrent and its files; it is gone from the list', async () => {
    // Arrange
    const { id } = await client.addTorrent({ urls: [magnetFor(randomHash(), 'Remove.Me.2024')], category: CATEGORY });
    // qBittorrent answers an add before the torrent exists; a delete that arrives first finds nothing
    // to delete, and the torrent appears after it (seen against qbittorrent-nox, about 1 run in 3 here).
    await eventually(
      () => find(id),
      (i) => i !== undefined,
    );

    // Act
    await client.remove([id], true);
    const after = await eventually(
      () => find(id),
      (i) => i === undefined,
    );

    // Assert
    expect(after).toBeUndefined();
  });

  it('accepts an existing category as ensured', async () => {
    // Arrange: CATEGORY was created in beforeAll.

    // Act
    const again = await client.ensureCategory(CATEGORY);

    // Assert
    expect(again).toEqual({ created: false });
  });

  it('re-establishes a lost session with exactly one login, and the call succeeds', async () => {
    // Arrange
    await client.versions();
    const loginsBefore = session.logins;
    await target.endSessions();

    // Act
    const [a, b, c] = await Promise.all([
      client.list({ category: CATEGORY }),
      client.list({ category: CATEGORY }),
      client.versions(),
    ]);

    // Assert
    expect(Array.isArray(a) && Array.isArray(b)).toBe(true);
    expect(c.app).toMatch(/^v\d/);
    expect(session.logins).toBe(loginsBefore + 1);
  });

  it('reports health up: the 403 of the health path without a session proves liveness', async () => {
    // Arrange
    const health = moduleRef.get<string, DownstreamHealth>(getDownstreamHealthToken(QBITTORRENT), { strict: false });

    // Act
    const result = await health.isHealthy();

    // Assert
    expect(result['qbittorrent']).toMatchObject({
      status: 'up',
      state: 'healthy',
      probeStatus: 403,
      breaker: 'closed',
    });
  });

  it('turns a wrong password into QbittorrentAuthError (503 for our caller)', async () => {
    // Arrange
    const wrong = await bootClient(target.url, { ...CREDENTIALS, password: 'not-the-password' });

    // Act
    const error = await wrong
      .get(QbittorrentClient)
      .versions()
      .catch((e: unknown) => e);
    await wrong.close();

    // Assert
    expect(error).toBeInstanceOf(QbittorrentAuthError);
    expect((error as QbittorrentAuthError).httpStatus).toBe(503);
    expect((error as Error).message).not.toContain('not-the-password');
  });
};

for (const [name, start, runnable] of TARGETS)
  (runnable ? describe : describe.skip)(`${QbittorrentClient.name} against ${name}`, contract(start));
