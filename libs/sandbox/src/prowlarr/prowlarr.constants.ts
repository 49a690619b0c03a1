/** The sandbox Prowlarr's API key when neither the option nor `PROWLARR_API_KEY` sets one. */
export const SANDBOX_PROWLARR_API_KEY = 'keel-sandbox-prowlarr-api-key';

export const PROWLARR_VERSION = '2.3.6.5192';

/** Announced in every magnet and `.torrent`, so a torrent client has somewhere to look for peers. */
export const SANDBOX_TRACKER = 'udp://tracker.opentrackr.org:1337/announce';

/** Newznab movie categories (`NewznabStandardCategory.cs`). */
export const MOVIE_CATEGORIES: Readonly<Record<number, string>> = Object.freeze({
  2000: 'Movies',
  2010: 'Movies/Foreign',
  2020: 'Movies/Other',
  2030: 'Movies/SD',
  2040: 'Movies/HD',
  2045: 'Movies/UHD',
  2050: 'Movies/BluRay',
  2060: 'Movies/3D',
  2070: 'Movies/DVD',
  2080: 'Movies/WEB-DL',
  2090: 'Movies/x265',
});

export const ALL_UNAVAILABLE_MESSAGE = 'Search failed due to all selected indexers being unavailable';
