import { relations } from 'drizzle-orm';
import { integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

// An enum and a foreign key on purpose: drizzle-kit qualifies both with "public", which the migrator
// must retarget when a run migrates into a schema of its own.
export const noteStatus = pgEnum('note_status', ['draft', 'published']);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const notes = pgTable('notes', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  status: noteStatus('status').notNull().default('draft'),
});

export const usersRelations = relations(users, ({ many }) => ({ notes: many(notes) }));
export const notesRelations = relations(notes, ({ one }) => ({
  user: one(users, { fields: [notes.userId], references: [users.id] }),
}));
