import { ConflictException, Logger, NotFoundException } from '@nestjs/common';
import { ProwlarrReleaseGoneError } from '@keel/clients-prowlarr';
import type { ProwlarrRelease } from '@keel/clients-prowlarr';
import type { ReleaseSearchService } from '../search/release-search.service';
import { aCounter, aMovie, aProwlarrRelease, decisionsOn } from '../testing';
import { aTrackedDownload, InMemoryTracking } from '../tracking/testing';
import { GrabService } from './grab.service';
import type { SentTorrent, TorrentSender } from './torrent.sender';

const BLURAY = 'Dune.2021.1080p.BluRay.x264-SPARKS';
const WEB = 'Dune.2021.1080p.WEB-DL.DDP5.1.H.264-FLUX';
const CAM = 'Dune.2021.HDCAM.x264-NOGRP';

function setup(releases: ProwlarrRelease[] = [aProwlarrRelease({ title: BLURAY })]) {
  const tables = new InMemoryTracking();
  const result = decisionsOn(releases);
  const search = {
    searchFor: jest.fn(async () => result),
    decisionOn: jest.fn(async (_movie: unknown, guid: string) => result.decisions.find((d) => d.release.guid === guid)),
  };
  let n = 0;
  const sender = {
    send: jest.fn(async (_release: ProwlarrRelease): Promise<SentTorrent> => ({ id: `HASH${++n}`, duplicate: false })),
    remove: jest.fn(async () => undefined),
  };
  const grabs = aCounter<'trigger'>();
  const service = new GrabService(
    search as unknown as ReleaseSearchService,
    sender as unknown as TorrentSender,
    tables.tracked,
    tables.blocklists,
    grabs,
  );
  return { service, tables, search, sender, grabs, result };
}

describe(GrabService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('sends the best approved release, tracks it and counts the grab by trigger', async () => {
    // Arrange
    const { service, tables, sender, grabs } = setup([
      aProwlarrRelease({ title: CAM }),
      aProwlarrRelease({ title: WEB }),
      aProwlarrRelease({ title: BLURAY }),
    ]);

    // Act
    const tracked = await service.grab(aMovie(), undefined, 'searchOnAdd');

    // Assert
    expect(sender.send).toHaveBeenCalledTimes(1);
    expect(sender.send.mock.calls[0][0].title).toBe(BLURAY);
    expect(tracked).toMatchObject({
      movieId: 'm1',
      downloadId: 'HASH1',
      releaseTitle: BLURAY,
      quality: 'Bluray-1080p',
    });
    expect(tables.movieStatus.get('m1')).toBe('downloading');
    expect(tables.history).toEqual([expect.objectContaining({ event: 'grabbed', sourceTitle: BLURAY })]);
    expect(grabs.counted).toEqual([{ trigger: 'searchOnAdd' }]);
  });

  it('grabs the chosen guid from the latest search without searching again', async () => {
    // Arrange
    const web = aProwlarrRelease({ title: WEB });
    const { service, search, sender } = setup([aProwlarrRelease({ title: BLURAY }), web]);

    // Act
    const tracked = await service.grab(aMovie(), web.guid);

    // Assert
    expect(search.decisionOn).toHaveBeenCalledWith(aMovie(), web.guid);
    expect(search.searchFor).not.toHaveBeenCalled();
    expect(sender.send).toHaveBeenCalledWith(expect.objectContaining({ guid: web.guid, downloadUrl: web.downloadUrl }));
    expect(tracked.releaseGuid).toBe(web.guid);
  });

  it('answers 404 to a guid the search did not find and 409 to a rejected one, sending nothing', async () => {
    // Arrange
    const cam = aProwlarrRelease({ title: CAM });
    const { service, sender, tables } = setup([cam]);

    // Act
    const unknown = await service.grab(aMovie(), 'https://indexer.invalid/none').catch((error: Error) => error);
    const rejected = await service.grab(aMovie(), cam.guid).catch((error: Error) => error);

    // Assert
    expect(unknown).toBeInstanceOf(NotFoundException);
    expect(rejected).toBeInstanceOf(ConflictException);
    expect((rejected as Error).message).toMatch(/^Dune\.2021\.HDCAM\.x264-NOGRP is rejected: ./);
    expect(sender.send).not.toHaveBeenCalled();
    expect(tables.downloads).toEqual([]);
  });

  it('answers 409 when nothing is approved', async () => {
    // Arrange
    const { service, sender } = setup([aProwlarrRelease({ title: CAM })]);

    // Act
    const grab = service.grab(aMovie());

    // Assert
    await expect(grab).rejects.toThrow('No release of Dune is approved (1 rejected); search to see why');
    expect(sender.send).not.toHaveBeenCalled();
  });

  it('refuses a movie already downloading, and a second grab while the first is in flight', async () => {
    // Arrange
    const downloading = setup();
    downloading.tables.seed(aTrackedDownload({ movieId: 'm1', releaseTitle: 'Dune.Older' }));
    const racing = setup();
    let release!: () => void;
    racing.sender.send.mockImplementationOnce(
      () => new Promise<SentTorrent>((resolve) => (release = () => resolve({ id: 'SLOW', duplicate: false }))),
    );

    // Act
    const refused = await downloading.service.grab(aMovie()).catch((error: Error) => error);
    const first = racing.service.grab(aMovie());
    await new Promise(setImmediate);
    const second = await racing.service.grab(aMovie()).catch((error: Error) => error);
    release();

    // Assert
    expect((refused as Error).message).toBe('Dune is already downloading (Dune.Older)');
    expect((second as Error).message).toBe('Dune is already downloading (a grab in progress)');
    await expect(first).resolves.toMatchObject({ downloadId: 'SLOW' });
    expect(downloading.sender.send).not.toHaveBeenCalled();
  });

  it('blocklists a release its indexer no longer has and grabs the next best', async () => {
    // Arrange
    const { service, sender, tables } = setup([aProwlarrRelease({ title: BLURAY }), aProwlarrRelease({ title: WEB })]);
    sender.send.mockRejectedValueOnce(new ProwlarrReleaseGoneError(410, BLURAY));

    // Act
    const tracked = await service.grab(aMovie());

    // Assert
    expect(tracked.releaseTitle).toBe(WEB);
    expect(tables.blocklist).toEqual([
      expect.objectContaining({ releaseTitle: BLURAY, reason: 'No longer available from the indexer' }),
    ]);
  });

  it('takes back its own torrent and answers 409 when another grab of the movie won the race', async () => {
    // Arrange
    const { service, sender, tables } = setup();
    sender.send.mockImplementationOnce(async () => {
      tables.seed(aTrackedDownload({ movieId: 'm1', releaseTitle: 'Dune.Winner', downloadId: 'OTHER' }));
      return { id: 'MINE', duplicate: false };
    });

    // Act
    const grab = service.grab(aMovie());

    // Assert
    await expect(grab).rejects.toBeInstanceOf(ConflictException);
    await expect(grab).rejects.toThrow('Dune is already downloading (Dune.Winner)');
    expect(sender.remove).toHaveBeenCalledWith('MINE', false);
    expect(tables.history).toEqual([]);
  });

  it('leaves the torrent alone when the winner tracks the same one', async () => {
    // Arrange
    const { service, sender, tables } = setup();
    sender.send.mockImplementationOnce(async () => {
      tables.seed(aTrackedDownload({ movieId: 'm1', downloadId: 'SAME' }));
      return { id: 'SAME', duplicate: true };
    });

    // Act
    const grab = service.grab(aMovie());

    // Assert
    await expect(grab).rejects.toBeInstanceOf(ConflictException);
    expect(sender.remove).not.toHaveBeenCalled();
  });

  it('grabs the next best after a failure only when something is approved and nothing is downloading', async () => {
    // Arrange
    const nothing = setup([aProwlarrRelease({ title: CAM })]);
    const busy = setup();
    busy.tables.seed(aTrackedDownload({ movieId: 'm1' }));
    const next = setup();

    // Act
    const none = await nothing.service.grabNextBest(aMovie());
    const skipped = await busy.service.grabNextBest(aMovie());
    const grabbed = await next.service.grabNextBest(aMovie());

    // Assert
    expect(none).toBeUndefined();
    expect(skipped).toBeUndefined();
    expect(busy.search.searchFor).not.toHaveBeenCalled();
    expect(grabbed?.releaseTitle).toBe(BLURAY);
    expect(next.grabs.counted).toEqual([{ trigger: 'redownload' }]);
  });

  it('grabs from decisions already made (an RSS feed) without searching', async () => {
    // Arrange
    const { service, search, result } = setup();

    // Act
    const tracked = await service.grabDecided(aMovie(), result, 'rss');

    // Assert
    expect(tracked.releaseTitle).toBe(BLURAY);
    expect(search.searchFor).not.toHaveBeenCalled();
  });
});
