/** What a `/api/v1/search` query asks for, once its `{Key:value}` tokens are parsed out. */
export interface ParsedSearch {
  /** IMDb number without `tt` (Prowlarr's JSON form). */
  imdbId?: number;
  tmdbId?: number;
  year?: number;
  /** Lower-cased alphanumeric words of the free text. */
  words: string[];
}

const TOKEN = /\{(\w+):([^}]*)\}/g;

/** Mirrors `NewznabRequest.QueryToParams()`: tokens are case-insensitive and removed from the text. */
export function parseSearchQuery(query: string): ParsedSearch {
  const parsed: ParsedSearch = { words: [] };
  const text = query.replace(TOKEN, (_, key: string, value: string) => {
    const name = key.toLowerCase();
    const trimmed = value.trim();
    if (name === 'imdbid') parsed.imdbId = toInt(trimmed.replace(/^tt/i, ''));
    else if (name === 'tmdbid') parsed.tmdbId = toInt(trimmed);
    else if (name === 'year') parsed.year = toInt(trimmed);
    return ' ';
  });
  parsed.words = titleWords(text);
  return parsed;
}

export function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** A parent category (e.g. 2000) stands for itself and its 20xx subcategories. */
export function expandCategories(requested: readonly number[]): (id: number) => boolean {
  return (id) =>
    requested.some((wanted) => id === wanted || (wanted % 1000 === 0 && id > wanted && id < wanted + 1000));
}

/** The repeated integer values of `key` (`indexerIds=1&indexerIds=5`), also accepting comma lists. */
export function intList(query: URLSearchParams, key: string): number[] {
  return query
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => Number(value.trim()))
    .filter((value) => Number.isInteger(value));
}

function toInt(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}
