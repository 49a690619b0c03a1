export interface ProwlarrIndexerSeed {
  id: number;
  name: string;
  /** The Cardigann definition the indexer was added from. */
  definitionName: string;
  baseUrl: string;
  description: string;
  language: string;
  /** 1–50, lower wins among duplicate results. */
  priority: number;
  added: string;
  /** Whether the tracker serves `.torrent` files; TPB only hands out magnets. */
  servesTorrentFiles: boolean;
}

/** Five public movie trackers, all torrent, as a fresh Prowlarr with a typical setup would list them. */
export const PROWLARR_INDEXERS: readonly ProwlarrIndexerSeed[] = Object.freeze([
  {
    id: 1,
    name: '1337x',
    definitionName: '1337x',
    baseUrl: 'https://1337x.to/',
    description: '1337X is a Public torrent site that offers verified torrent downloads',
    language: 'en-US',
    priority: 25,
    added: '2025-03-02T19:14:07Z',
    servesTorrentFiles: true,
  },
  {
    id: 2,
    name: 'The Pirate Bay',
    definitionName: 'thepiratebay',
    baseUrl: 'https://thepiratebay.org/',
    description: 'Pirate Bay (TPB) is the galaxy’s most resilient Public BitTorrent site',
    language: 'en-US',
    priority: 25,
    added: '2025-03-02T19:15:41Z',
    servesTorrentFiles: false,
  },
  {
    id: 3,
    name: 'YTS',
    definitionName: 'yts',
    baseUrl: 'https://yts.mx/',
    description: 'YTS is a Public torrent site specialising in HD movies of small size',
    language: 'en-US',
    priority: 10,
    added: '2025-03-02T19:16:02Z',
    servesTorrentFiles: true,
  },
  {
    id: 4,
    name: 'LimeTorrents',
    definitionName: 'limetorrents',
    baseUrl: 'https://www.limetorrents.lol/',
    description: 'LimeTorrents is a Public general torrent index with mostly verified torrents',
    language: 'en-US',
    priority: 40,
    added: '2025-03-09T08:41:55Z',
    servesTorrentFiles: true,
  },
  {
    id: 5,
    name: 'TorrentGalaxy',
    definitionName: 'torrentgalaxyclone',
    baseUrl: 'https://torrentgalaxy.to/',
    description: 'TorrentGalaxy (TGx) is a Public site for Movies / TV / General',
    language: 'en-US',
    priority: 25,
    added: '2025-04-11T21:03:30Z',
    servesTorrentFiles: true,
  },
] as ProwlarrIndexerSeed[]);
