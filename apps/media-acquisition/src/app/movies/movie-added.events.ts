import { Injectable } from '@nestjs/common';
import type { MovieRow } from '../db/schema';

export interface MovieAdded {
  movie: MovieRow;
  /** The caller's `searchOnAdd`; undefined leaves it to MEDIA_SEARCH_ON_ADD. */
  search: boolean | undefined;
}

type Listener = (event: MovieAdded) => void;

/**
 * "A movie was added", for the acquisition side to act on (search on add) without the movies
 * module depending on it: acquisition already depends on movies.
 */
@Injectable()
export class MovieAddedEvents {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: MovieAdded): void {
    for (const listener of this.listeners) listener(event);
  }
}
