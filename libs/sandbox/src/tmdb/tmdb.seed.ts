/** One movie as TMDB's `/3/movie/{id}` describes it (the fields the sandbox serves). */
export interface TmdbMovieSeed {
  readonly id: number;
  readonly title: string;
  readonly original_title: string;
  readonly original_language: string;
  /** `YYYY-MM-DD`, or `''` for a movie TMDB has no date for (as TMDB itself answers). */
  readonly release_date: string;
  /** Minutes; TMDB answers 0 when it does not know. */
  readonly runtime: number;
  readonly imdb_id: string | null;
  readonly overview: string;
  readonly poster_path: string | null;
  readonly genres: readonly { readonly id: number; readonly name: string }[];
  readonly popularity: number;
}

const SCIFI = { id: 878, name: 'Science Fiction' };
const ACTION = { id: 28, name: 'Action' };
const DRAMA = { id: 18, name: 'Drama' };
const ADVENTURE = { id: 12, name: 'Adventure' };
const THRILLER = { id: 53, name: 'Thriller' };
const ANIMATION = { id: 16, name: 'Animation' };
const CRIME = { id: 80, name: 'Crime' };

const movie = (
  id: number,
  title: string,
  release_date: string,
  runtime: number,
  imdb_id: string,
  genres: TmdbMovieSeed['genres'],
  popularity: number,
  overview: string,
  extra: Partial<TmdbMovieSeed> = {},
): TmdbMovieSeed => ({
  id,
  title,
  original_title: title,
  original_language: 'en',
  release_date,
  runtime,
  imdb_id,
  overview,
  poster_path: `/sandbox-poster-${id}.jpg`,
  genres,
  popularity,
  ...extra,
});

/**
 * Real TMDB ids, titles, release dates, runtimes and IMDb ids, so that titles match the Prowlarr
 * emulator's releases (PROWLARR_MOVIES) and Radarr users recognise them. Overviews are our own
 * one-line summaries and poster paths are placeholders: neither is TMDB's text or artwork.
 * Both Dunes share a title, so that a search by title alone is ambiguous and `year` matters.
 */
export const TMDB_MOVIES: readonly TmdbMovieSeed[] = deepFreeze([
  movie(
    603,
    'The Matrix',
    '1999-03-31',
    136,
    'tt0133093',
    [ACTION, SCIFI],
    82.1,
    'A hacker learns that the world he knows is a simulation and joins the rebellion against its machines.',
  ),
  movie(
    604,
    'The Matrix Reloaded',
    '2003-05-15',
    138,
    'tt0234215',
    [ADVENTURE, ACTION, THRILLER, SCIFI],
    41.7,
    'Neo and the rebels race to defend Zion as the machines dig towards it.',
  ),
  movie(
    27205,
    'Inception',
    '2010-07-15',
    148,
    'tt1375666',
    [ACTION, SCIFI, ADVENTURE],
    94.3,
    'A thief who steals secrets from dreams is asked to plant an idea instead.',
  ),
  movie(
    335984,
    'Blade Runner 2049',
    '2017-10-04',
    164,
    'tt1856101',
    [SCIFI, DRAMA],
    61.8,
    'A young blade runner uncovers a secret that leads him to a long-missing predecessor.',
  ),
  movie(
    78,
    'Blade Runner',
    '1982-06-25',
    117,
    'tt0083658',
    [SCIFI, DRAMA, THRILLER],
    48.2,
    'A retired cop is called back to hunt four replicants loose in Los Angeles.',
  ),
  movie(
    438631,
    'Dune',
    '2021-09-15',
    155,
    'tt1160419',
    [SCIFI, ADVENTURE],
    120.5,
    'The heir of a noble house is sent to the desert planet that holds the universe’s most precious resource.',
  ),
  movie(
    841,
    'Dune',
    '1984-12-14',
    137,
    'tt0087182',
    [ACTION, SCIFI, ADVENTURE],
    25.4,
    'A duke’s son leads the desert people of Arrakis against the empire that betrayed his family.',
  ),
  movie(
    329865,
    'Arrival',
    '2016-11-10',
    116,
    'tt2543164',
    [DRAMA, SCIFI],
    39.6,
    'A linguist is recruited to talk with the visitors whose ships have landed around the world.',
  ),
  movie(
    157336,
    'Interstellar',
    '2014-11-05',
    169,
    'tt0816692',
    [ADVENTURE, DRAMA, SCIFI],
    140.2,
    'Explorers travel through a wormhole in search of a new home for humanity.',
  ),
  movie(
    550,
    'Fight Club',
    '1999-10-15',
    139,
    'tt0137523',
    [DRAMA],
    73.4,
    'An insomniac office worker and a soap maker start an underground fight club.',
  ),
  movie(
    680,
    'Pulp Fiction',
    '1994-09-10',
    154,
    'tt0110912',
    [THRILLER, CRIME],
    65.9,
    'The lives of two hitmen, a boxer and a gangster’s wife intertwine in Los Angeles.',
  ),
  movie(
    155,
    'The Dark Knight',
    '2008-07-16',
    152,
    'tt0468569',
    [DRAMA, ACTION, CRIME, THRILLER],
    110.8,
    'Batman faces the Joker, who wants to plunge Gotham into anarchy.',
  ),
  movie(
    129,
    'Spirited Away',
    '2001-07-20',
    125,
    'tt0245429',
    [ANIMATION, { id: 10751, name: 'Family' }, { id: 14, name: 'Fantasy' }],
    88.5,
    'A girl wanders into a world of spirits and must work in a bathhouse to free her parents.',
    {
      original_title: '千と千尋の神隠し',
      original_language: 'ja',
    },
  ),
]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
