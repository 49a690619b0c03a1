export type IndexerFlag = 'freeleech' | 'halfleech' | 'neutralleech' | 'doubleupload' | 'internal' | 'exclusive' | 'scene';

export interface ProwlarrMovieSeed {
  title: string;
  year: number;
  /** `tt` + 7 digits, as IMDb writes it; Prowlarr's JSON carries only the number. */
  imdbId: string;
  tmdbId: number;
}

export interface ProwlarrReleaseSeed {
  /** Opaque id behind the proxy link (Prowlarr encrypts the indexer's own link instead). */
  key: string;
  indexerId: number;
  movie: keyof typeof PROWLARR_MOVIES;
  title: string;
  size: number;
  seeders: number;
  leechers: number;
  grabs: number;
  categories: number[];
  indexerFlags: IndexerFlag[];
  /** `magnet`: the proxy answers 301 to a magnet URI; `torrent`: it serves a `.torrent` file. */
  kind: 'magnet' | 'torrent';
  publishDate: string;
  /** The tracker's own numeric id of the torrent, used in its guid and info URL. */
  trackerId: number;
  /** Set when a tracker mirrors another's upload under the same guid (Prowlarr de-duplicates these). */
  guidOf?: string;
}

export const PROWLARR_MOVIES = Object.freeze({
  matrix: { title: 'The Matrix', year: 1999, imdbId: 'tt0133093', tmdbId: 603 },
  inception: { title: 'Inception', year: 2010, imdbId: 'tt1375666', tmdbId: 27205 },
  br2049: { title: 'Blade Runner 2049', year: 2017, imdbId: 'tt1856101', tmdbId: 335984 },
  dune: { title: 'Dune', year: 2021, imdbId: 'tt1160419', tmdbId: 438631 },
  dune1984: { title: 'Dune', year: 1984, imdbId: 'tt0087182', tmdbId: 841 },
  arrival: { title: 'Arrival', year: 2016, imdbId: 'tt2543164', tmdbId: 329865 },
} satisfies Record<string, ProwlarrMovieSeed>);

const gib = (n: number) => Math.round(n * 1024 ** 3);
const mib = (n: number) => Math.round(n * 1024 ** 2);

type Row = Omit<ProwlarrReleaseSeed, 'key' | 'trackerId'>;
const row = (indexerId: number, movie: Row['movie'], title: string, size: number, seeders: number, leechers: number, categories: number[], kind: Row['kind'], publishDate: string, extra: Partial<Row> = {}): Row => ({
  indexerId,
  movie,
  title,
  size,
  seeders,
  leechers,
  grabs: seeders * 7 + leechers,
  categories,
  indexerFlags: [],
  kind,
  publishDate,
  ...extra,
});

const SCENE = { indexerFlags: ['scene'] as IndexerFlag[] };

const ROWS: Row[] = [
  row(1, 'matrix', 'The.Matrix.1999.1080p.BluRay.x264-AMIABLE', gib(10.93), 512, 34, [2000, 2040], 'torrent', '2019-01-14T22:10:00Z', SCENE),
  row(5, 'matrix', 'The.Matrix.1999.2160p.UHD.BluRay.x265.10bit.HDR.TrueHD.7.1.Atmos-SWTYBLZ', gib(19.84), 188, 21, [2000, 2045, 2090], 'magnet', '2021-11-02T09:41:00Z', { indexerFlags: ['freeleech'] }),
  row(2, 'matrix', 'The.Matrix.1999.720p.BluRay.x264-SiNNERS', gib(4.37), 120, 8, [2000, 2040], 'magnet', '2018-06-30T17:02:00Z', SCENE),
  row(3, 'matrix', 'The Matrix (1999) [1080p] [BluRay] [5.1] [YTS.MX]', gib(2.08), 1830, 95, [2000, 2040], 'torrent', '2020-04-23T03:15:00Z'),
  row(1, 'matrix', 'The.Matrix.1999.REMUX.1080p.BluRay.AVC.DTS-HD.MA.5.1-FGT', gib(31.2), 64, 12, [2000, 2040, 2050], 'torrent', '2019-02-08T11:20:00Z'),
  row(4, 'matrix', 'The.Matrix.1999.COMPLETE.BLURAY-UNTOUCHED', gib(45.1), 17, 4, [2000, 2050], 'magnet', '2018-12-01T20:44:00Z'),
  row(2, 'matrix', 'The.Matrix.1999.1080p.WEB-DL.DD5.1.H264-FGT', gib(5.6), 231, 19, [2000, 2040, 2080], 'magnet', '2021-12-17T14:05:00Z'),
  row(4, 'matrix', 'The.Matrix.1999.MULTi.1080p.BluRay.x264-LOST', gib(11.6), 41, 3, [2000, 2010, 2040], 'magnet', '2020-09-05T07:30:00Z'),
  row(5, 'matrix', 'The.Matrix.1999.1080p.BluRay.x264.SAMPLE-AMIABLE', mib(48), 3, 0, [2000, 2040], 'magnet', '2019-01-14T22:12:00Z'),
  row(1, 'inception', 'Inception.2010.1080p.BluRay.x264-REFiNED', gib(11.2), 688, 52, [2000, 2040], 'torrent', '2017-08-19T18:25:00Z', SCENE),
  row(5, 'inception', 'Inception.2010.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.5.1-SWTYBLZ', gib(24.7), 205, 33, [2000, 2045, 2090], 'magnet', '2020-12-08T13:55:00Z', { indexerFlags: ['freeleech', 'internal'] }),
  row(2, 'inception', 'Inception.2010.720p.BluRay.x264-REFiNED', gib(4.37), 301, 11, [2000, 2040], 'magnet', '2017-08-19T18:40:00Z', SCENE),
  row(3, 'inception', 'Inception (2010) [1080p] [BluRay] [5.1] [YTS.MX]', gib(2.35), 2410, 130, [2000, 2040], 'magnet', '2020-05-11T05:00:00Z'),
  row(2, 'inception', 'Inception.2010.PROPER.1080p.WEB-DL.DD5.1.H264-FGT', gib(6.1), 97, 6, [2000, 2040, 2080], 'magnet', '2021-03-27T10:10:00Z'),
  row(4, 'inception', 'Inception.2010.1080p.WEBRip.x265-RARBG', gib(2.4), 455, 28, [2000, 2040, 2090], 'magnet', '2020-02-02T02:20:00Z'),
  row(1, 'inception', 'Inception.2010.BluRay.1080p.REMUX.AVC.DTS-HD.MA.5.1-EPSiLON', gib(33.8), 58, 9, [2000, 2040, 2050], 'torrent', '2019-10-30T16:45:00Z'),
  row(5, 'inception', 'Inception.2010.1080p.BluRay.x264-SPARKS', gib(12.0), 0, 2, [2000, 2040], 'torrent', '2016-01-03T12:00:00Z', SCENE),
  row(1, 'br2049', 'Blade.Runner.2049.2017.1080p.BluRay.x264-SPARKS', gib(12.4), 402, 27, [2000, 2040], 'torrent', '2018-01-09T04:31:00Z', SCENE),
  row(5, 'br2049', 'Blade.Runner.2049.2017.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-EPSiLON', gib(58.3), 73, 15, [2000, 2045, 2050], 'magnet', '2018-02-14T21:12:00Z', { indexerFlags: ['internal'] }),
  row(2, 'br2049', 'Blade.Runner.2049.2017.720p.BluRay.x264-SPARKS', gib(4.9), 166, 10, [2000, 2040], 'magnet', '2018-01-09T05:02:00Z', SCENE),
  row(3, 'br2049', 'Blade Runner 2049 (2017) [1080p] [BluRay] [5.1] [YTS.MX]', gib(2.6), 1544, 88, [2000, 2040], 'magnet', '2018-01-20T08:08:00Z'),
  row(4, 'br2049', 'Blade.Runner.2049.2017.HDTS.x264-CPG', gib(1.9), 4, 1, [2000, 2030], 'magnet', '2017-10-16T23:59:00Z'),
  row(2, 'br2049', 'Blade.Runner.2049.2017.1080p.WEB-DL.DD5.1.H264-FGT', gib(6.8), 212, 14, [2000, 2040, 2080], 'magnet', '2017-12-26T15:35:00Z'),
  row(5, 'br2049', 'Blade.Runner.2049.2017.REPACK.1080p.BluRay.x264-SPARKS', gib(12.5), 96, 7, [2000, 2040], 'torrent', '2018-01-12T09:19:00Z', SCENE),
  row(4, 'br2049', 'Blade.Runner.2049.2017.CAM.x264-ETRG', gib(1.4), 0, 0, [2000, 2030], 'magnet', '2017-10-08T19:44:00Z'),
  row(1, 'dune', 'Dune.2021.1080p.WEBRip.x264.AAC5.1-RARBG', gib(4.3), 1203, 77, [2000, 2040], 'torrent', '2021-10-22T06:30:00Z'),
  row(2, 'dune', 'Dune.2021.1080p.HMAX.WEB-DL.DDP5.1.Atmos.H.264-EVO', gib(6.9), 944, 61, [2000, 2040, 2080], 'magnet', '2021-10-22T04:02:00Z'),
  row(5, 'dune', 'Dune.2021.2160p.HMAX.WEB-DL.DDP5.1.Atmos.HDR.HEVC-EVO', gib(18.2), 380, 45, [2000, 2045, 2080, 2090], 'magnet', '2021-10-22T05:47:00Z', { indexerFlags: ['freeleech', 'internal'] }),
  row(1, 'dune', 'Dune.2021.1080p.BluRay.x264-ROVERS', gib(14.7), 522, 40, [2000, 2040], 'torrent', '2022-01-11T01:15:00Z', SCENE),
  row(3, 'dune', 'Dune (2021) [1080p] [WEBRip] [5.1] [YTS.MX]', gib(2.5), 3120, 210, [2000, 2040], 'magnet', '2021-10-23T10:10:00Z'),
  row(4, 'dune', 'Dune.2021.HDCAM.x264-SUNSCREEN', gib(1.4), 0, 3, [2000, 2030], 'magnet', '2021-09-18T22:22:00Z'),
  row(4, 'dune', 'Dune.2021.MULTi.1080p.BluRay.x265.10bit-LOST', gib(8.1), 36, 5, [2000, 2010, 2040, 2090], 'torrent', '2022-01-20T17:00:00Z'),
  row(2, 'dune', 'Dune.2021.720p.BluRay.x264-ROVERS', gib(5.5), 210, 12, [2000, 2040], 'magnet', '2022-01-11T01:40:00Z', SCENE),
  row(1, 'dune1984', 'Dune.1984.1080p.BluRay.x264-AMIABLE', gib(10.9), 88, 6, [2000, 2040], 'magnet', '2016-05-07T13:13:00Z', SCENE),
  row(1, 'arrival', 'Arrival.2016.1080p.BluRay.x264-SPARKS', gib(8.7), 355, 20, [2000, 2040], 'torrent', '2017-02-01T03:03:00Z', SCENE),
  row(2, 'arrival', 'Arrival.2016.720p.BluRay.x264-SPARKS', gib(4.4), 140, 9, [2000, 2040], 'magnet', '2017-02-01T03:30:00Z', SCENE),
  row(3, 'arrival', 'Arrival (2016) [1080p] [YTS.AG]', gib(1.9), 1100, 47, [2000, 2040], 'magnet', '2017-02-10T11:11:00Z'),
  row(5, 'arrival', 'Arrival.2016.2160p.UHD.BluRay.x265.HDR.DTS-HD.MA.5.1-SWTYBLZ', gib(21.4), 91, 13, [2000, 2045, 2090], 'magnet', '2019-07-07T07:07:00Z'),
  row(4, 'arrival', 'Arrival.2016.1080p.WEB-DL.DD5.1.H264-FGT', gib(4.9), 77, 4, [2000, 2040, 2080], 'magnet', '2017-01-24T20:20:00Z'),
  row(5, 'arrival', 'Arrival.2016.COMPLETE.BLURAY-PCH', gib(44.6), 12, 2, [2000, 2050], 'torrent', '2017-02-05T15:50:00Z', SCENE),
  // LimeTorrents re-lists 1337x's upload under the same guid: Prowlarr keeps the higher-priority copy.
  row(4, 'arrival', 'Arrival.2016.1080p.BluRay.x264-SPARKS', gib(8.7), 349, 22, [2000, 2040], 'magnet', '2017-02-01T04:00:00Z', { ...SCENE, guidOf: 'r35' }),
];

/** ~40 movie releases over the five indexers; about a third are served as `.torrent` files. */
export const PROWLARR_RELEASES: readonly ProwlarrReleaseSeed[] = Object.freeze(ROWS.map((r, i) => ({ key: `r${String(i + 1).padStart(2, '0')}`, trackerId: 5_104_211 + i * 7919, ...r })));
