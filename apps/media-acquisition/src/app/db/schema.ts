import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Radarr's TrackedDownloadState, camelCased. `ignored`: removed from the queue, or gone from qBittorrent. */
export const TRACKED_STATES = [
  'downloading',
  'importPending',
  'importing',
  'imported',
  'importBlocked',
  'failedPending',
  'failed',
  'ignored',
] as const;
export type TrackedState = (typeof TRACKED_STATES)[number];
/**
 * States the monitor still watches. `failedPending` is included so a crash between detecting a failure and handling it
 * is finished after a restart.
 */
export const ACTIVE_STATES: readonly TrackedState[] = [
  'downloading',
  'importPending',
  'importing',
  'importBlocked',
  'failedPending',
];

const ACTIVE_STATES_SQL = `state in (${ACTIVE_STATES.map((s) => `'${s}'`).join(', ')})`;

export const MOVIE_STATUSES = ['wanted', 'downloading', 'downloaded'] as const;
export type MovieStatus = (typeof MOVIE_STATUSES)[number];

export const HISTORY_EVENTS = ['grabbed', 'imported', 'importBlocked', 'downloadFailed', 'downloadIgnored'] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

/** A stored profile's body, validated by the decision engine before it is written. */
export interface QualityProfileDefinition {
  items: { quality: string; allowed: boolean }[];
  cutoff: string;
  minSeeders: number;
  preferIndexerFlags: boolean;
  upgradeAllowed: boolean;
}

export const qualityProfiles = pgTable('quality_profiles', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  definition: jsonb('definition').$type<QualityProfileDefinition>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const movies = pgTable(
  'movies',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    tmdbId: integer('tmdb_id'),
    imdbId: text('imdb_id'),
    runtimeMinutes: integer('runtime_minutes'),
    qualityProfileId: uuid('quality_profile_id')
      .notNull()
      .references(() => qualityProfiles.id),
    status: text('status').$type<MovieStatus>().notNull(),
    /**
     * Radarr's `monitored`: the missing search and RSS sync grab only monitored movies; a user may still search and
     * grab by hand.
     */
    monitored: boolean('monitored').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    // A movie is wanted once: a second POST for the same title and year, or the same id, is a 409.
    uniqueIndex('movies_title_year').on(sql`lower(${t.title})`, t.year),
    uniqueIndex('movies_tmdb')
      .on(t.tmdbId)
      .where(sql`${t.tmdbId} is not null`),
    uniqueIndex('movies_imdb')
      .on(t.imdbId)
      .where(sql`${t.imdbId} is not null`),
    index('movies_created').on(t.createdAt.desc(), t.id.desc()),
  ],
);

export const trackedDownloads = pgTable(
  'tracked_downloads',
  {
    id: uuid('id').primaryKey(),
    movieId: uuid('movie_id')
      .notNull()
      .references(() => movies.id, { onDelete: 'cascade' }),
    /** The torrent's info hash, upper-cased, as Radarr keys downloads. */
    downloadId: text('download_id').notNull(),
    releaseGuid: text('release_guid').notNull(),
    releaseTitle: text('release_title').notNull(),
    indexerId: integer('indexer_id').notNull(),
    indexer: text('indexer').notNull(),
    quality: text('quality').notNull(),
    revisionVersion: integer('revision_version').notNull().default(1),
    revisionReal: integer('revision_real').notNull().default(0),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    state: text('state').$type<TrackedState>().notNull(),
    /** What qBittorrent last said, mapped the Radarr way: Queued, Downloading, Paused, Completed, Warning, Failed. */
    clientStatus: text('client_status'),
    progress: real('progress').notNull().default(0),
    etaSeconds: integer('eta_seconds'),
    outputPath: text('output_path'),
    messages: jsonb('messages').$type<string[]>().notNull().default([]),
    grabbedAt: timestamp('grabbed_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('tracked_downloads_state').on(t.state),
    index('tracked_downloads_movie').on(t.movieId, t.grabbedAt.desc()),
    // One download at a time per movie, whatever races: two grabs, a grab and a re-download, two replicas.
    uniqueIndex('tracked_downloads_one_active').on(t.movieId).where(sql.raw(ACTIVE_STATES_SQL)),
    // A torrent is tracked once while active; after it ends, the same torrent may be grabbed again.
    uniqueIndex('tracked_downloads_active_download').on(t.downloadId).where(sql.raw(ACTIVE_STATES_SQL)),
    index('tracked_downloads_download').on(t.downloadId, t.grabbedAt.desc()),
  ],
);

export const movieFiles = pgTable('movie_files', {
  id: uuid('id').primaryKey(),
  // One file per movie: importing a second one for the same movie is an upgrade, not supported yet.
  movieId: uuid('movie_id')
    .notNull()
    .unique()
    .references(() => movies.id, { onDelete: 'cascade' }),
  downloadId: text('download_id').notNull(),
  relativePath: text('relative_path').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  quality: text('quality').notNull(),
  revisionVersion: integer('revision_version').notNull().default(1),
  revisionReal: integer('revision_real').notNull().default(0),
  releaseTitle: text('release_title').notNull(),
  transfer: text('transfer').$type<'hardlink' | 'copy'>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const history = pgTable(
  'history',
  {
    id: uuid('id').primaryKey(),
    movieId: uuid('movie_id')
      .notNull()
      .references(() => movies.id, { onDelete: 'cascade' }),
    downloadId: text('download_id'),
    event: text('event').$type<HistoryEvent>().notNull(),
    sourceTitle: text('source_title').notNull(),
    quality: text('quality'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    date: timestamp('date', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('history_movie_date').on(t.movieId, t.date.desc())],
);

export const blocklist = pgTable(
  'blocklist',
  {
    id: uuid('id').primaryKey(),
    movieId: uuid('movie_id')
      .notNull()
      .references(() => movies.id, { onDelete: 'cascade' }),
    releaseGuid: text('release_guid').notNull(),
    releaseTitle: text('release_title').notNull(),
    indexerId: integer('indexer_id').notNull(),
    reason: text('reason').notNull(),
    date: timestamp('date', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('blocklist_movie_guid').on(t.movieId, t.releaseGuid)],
);

/**
 * Named leases on scheduled jobs (the download monitor; later RSS sync, missing search): the row says
 * which replica runs the job until when. Taken and renewed by one atomic statement on the database's
 * clock, so replicas never compare their own clocks, and it works on PGlite and Postgres alike.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  /** The replica holding it: `<hostname>:<pid>:<random>` (the hostname is the pod's name on Kubernetes). */
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** When the current holder took it; a renewal keeps it. */
  acquiredAt: timestamp('acquired_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** What Radarr's v3 API names with an integer id: our rows keep their UUIDs, and get a number here on first sight. */
export const RADARR_ID_KINDS = ['movie', 'profile', 'download', 'history'] as const;
export type RadarrIdKind = (typeof RADARR_ID_KINDS)[number];

export const radarrIds = pgTable(
  'radarr_ids',
  {
    kind: text('kind').$type<RadarrIdKind>().notNull(),
    key: uuid('key').notNull(),
    id: serial('id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), uniqueIndex('radarr_ids_kind_id').on(t.kind, t.id)],
);

export type QualityProfileRow = typeof qualityProfiles.$inferSelect;
export type MovieRow = typeof movies.$inferSelect;
export type TrackedDownloadRow = typeof trackedDownloads.$inferSelect;
export type MovieFileRow = typeof movieFiles.$inferSelect;
export type HistoryRow = typeof history.$inferSelect;
export type BlocklistRow = typeof blocklist.$inferSelect;
export type JobLeaseRow = typeof jobLeases.$inferSelect;
