import { startEmulator } from '../kernel/emulator-server';
import type { Route, RunningEmulator } from '../kernel/emulator.types';
import { buildCatalogue, type Catalogue } from './prowlarr.catalogue';
import { SANDBOX_PROWLARR_API_KEY } from './prowlarr.constants';
import type { ProwlarrContext } from './prowlarr.context';
import { controlRoutes } from './prowlarr.control-routes';
import { downloadRoutes } from './prowlarr.download';
import { feedRoutes, publishRelease, type PublishedRelease, type PublishedReleaseRef } from './prowlarr.feed-routes';
import { indexerRoutes } from './prowlarr.indexers';
import { PROWLARR_INDEXERS } from './prowlarr-indexers.seed';
import { PROWLARR_RELEASES } from './prowlarr-releases.seed';
import { searchRoutes } from './prowlarr.search';
import { ProwlarrState, type IndexerBehaviour, type SearchLogEntry } from './prowlarr.state';
import { systemRoutes } from './prowlarr.system';
import { readEmulatorEnv } from '../sandbox.config';

export interface ProwlarrEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** Default `PROWLARR_API_KEY`, else {@link SANDBOX_PROWLARR_API_KEY}. */
  apiKey?: string;
}

/** The running emulator, with in-process handles on what `/_sandbox/prowlarr/*` controls over HTTP. */
export interface RunningProwlarrEmulator extends RunningEmulator {
  apiKey: string;
  setIndexerBehaviour(indexerId: number, change: Partial<IndexerBehaviour>): IndexerBehaviour;
  resetIndexerBehaviours(): void;
  searchLog(): readonly SearchLogEntry[];
  resetSearchLog(): void;
  /** Puts a new release on an indexer's feed (what `POST /_sandbox/prowlarr/feed` does); throws when refused. */
  publishRelease(release: PublishedRelease): PublishedReleaseRef;
  /** Takes every published release off the feeds. */
  resetFeed(): void;
}

// Building the catalogue hashes every seeded .torrent; do it once per process.
let sharedCatalogue: Catalogue | undefined;
const catalogue = () => (sharedCatalogue ??= buildCatalogue(PROWLARR_INDEXERS, PROWLARR_RELEASES));

/** Prowlarr API v1 emulator (contracts/media-acquisition-notes.md §1). */
export async function startProwlarrEmulator(options: ProwlarrEmulatorOptions = {}): Promise<RunningProwlarrEmulator> {
  const state = new ProwlarrState();
  const apiKey = options.apiKey || readEmulatorEnv().prowlarrApiKey || SANDBOX_PROWLARR_API_KEY;
  const running = await startEmulator({
    name: 'prowlarr',
    port: options.port ?? 0,
    host: options.host,
    routes: prowlarrRoutes({ apiKey, state }),
  });
  const ctx: ProwlarrContext = { apiKey, catalogue: catalogue(), state };
  return {
    ...running,
    apiKey,
    setIndexerBehaviour: (id, change) => state.setBehaviour(id, change),
    resetIndexerBehaviours: () => state.resetBehaviours(),
    searchLog: () => state.searchLog(),
    resetSearchLog: () => state.resetSearchLog(),
    publishRelease: (release) => {
      const published = publishRelease(ctx, release);
      if (typeof published === 'string') throw new Error(`Prowlarr emulator: ${published}`);
      return published;
    },
    resetFeed: () => state.resetPublished(),
  };
}

export function prowlarrRoutes(options: { apiKey?: string; state?: ProwlarrState } = {}): Route[] {
  const ctx: ProwlarrContext = {
    apiKey: options.apiKey ?? SANDBOX_PROWLARR_API_KEY,
    catalogue: catalogue(),
    state: options.state ?? new ProwlarrState(),
  };
  return [
    ...systemRoutes(ctx, new Date().toISOString()),
    ...searchRoutes(ctx),
    ...downloadRoutes(ctx),
    ...indexerRoutes(ctx),
    ...controlRoutes(ctx),
    ...feedRoutes(ctx),
  ];
}
