import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const DOWNLOAD_STATUSES = ['queued', 'downloading', 'paused', 'completed', 'cancelled'] as const;
export type DownloadStatus = (typeof DOWNLOAD_STATUSES)[number];

export const downloads = pgTable(
  'downloads',
  {
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    gameId: text('game_id').notNull(),
    status: text('status').$type<DownloadStatus>().notNull(),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull(),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    // One session per (user, key): a repeated POST finds the first one instead of adding a row.
    uniqueIndex('downloads_user_idempotency_key')
      .on(t.userId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    // The caller's sessions, newest first (GET /downloads pages on it).
    index('downloads_user_created').on(t.userId, t.createdAt.desc(), t.id.desc()),
  ],
);

export type DownloadRow = typeof downloads.$inferSelect;
