export interface NamingMovie {
  title: string;
  year: number;
}

export interface NamingQuality {
  /** Radarr quality name, e.g. `WEBDL-1080p`. */
  name: string;
  revision: { version: number; real: number };
}

// Radarr `FileNameBuilder.BadCharacters` / `GoodCharacters`, pairwise: keeps names legal on Windows, SMB and NFS alike.
const ILLEGAL_CHARACTERS: ReadonlyArray<readonly [string, string]> = [
  ['\\', '+'],
  ['/', '+'],
  ['<', ''],
  ['>', ''],
  ['?', '!'],
  ['*', '-'],
  ['|', ''],
  ['"', ''],
];
const TRAILING_SEPARATORS = /[- ._]+$/;

/** `{Movie Title} ({Release Year})`: Radarr's default `MovieFolderFormat`. */
export function buildMovieFolderName(movie: NamingMovie): string {
  return tidy(`${cleanFileName(movie.title)} (${movie.year})`);
}

/** `{Movie Title} ({Release Year}) {Quality Full}.{ext}`: Radarr's default `StandardMovieFormat`. */
export function buildMovieFileName(movie: NamingMovie, quality: NamingQuality, extension: string): string {
  const base = tidy(`${cleanFileName(movie.title)} (${movie.year}) ${formatQualityFull(quality)}`);
  return `${base}.${extension.replace(/^\./, '')}`;
}

/** `{Quality Title} {Proper} {REAL}`; the tags only appear when the revision says so. */
export function formatQualityFull(quality: NamingQuality): string {
  const proper = quality.revision.version > 1 ? 'Proper' : '';
  const real = quality.revision.real > 0 ? 'REAL' : '';
  return [quality.name, proper, real].filter(Boolean).join(' ');
}

/** Illegal characters per Radarr's table, colons by its default "Smart" rule (": " → " - ", ":" → "-"). */
export function cleanFileName(name: string): string {
  const withoutColons = name.replace(/: /g, ' - ').replace(/:/g, '-');
  return ILLEGAL_CHARACTERS.reduce((result, [bad, good]) => result.split(bad).join(good), withoutColons);
}

function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(TRAILING_SEPARATORS, '');
}
