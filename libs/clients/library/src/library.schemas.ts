import { z } from 'zod';

/** The library service's contract (shared/contracts/internal-services.md, "Library service"). */
export const OwnershipSchema = z.object({
  userId: z.string(),
  gameId: z.string(),
  owned: z.boolean(),
  /** ISO timestamp, null when not owned. */
  acquiredAt: z.string().nullable(),
});
export type Ownership = z.infer<typeof OwnershipSchema>;

export const OwnedGameSchema = z.object({
  gameId: z.string(),
  title: z.string(),
  sizeBytes: z.number(),
  platforms: z.array(z.string()),
  acquiredAt: z.string(),
});
export type OwnedGame = z.infer<typeof OwnedGameSchema>;

export const GamesPageSchema = z.object({
  games: z.array(OwnedGameSchema),
  nextCursor: z.string().nullable(),
});
export type GamesPage = z.infer<typeof GamesPageSchema>;
