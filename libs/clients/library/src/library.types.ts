/** The library service's contract (shared/contracts/internal-services.md, "Library service"). */
export interface Ownership {
  userId: string;
  gameId: string;
  owned: boolean;
  /** ISO timestamp, null when not owned. */
  acquiredAt: string | null;
}

export interface OwnedGame {
  gameId: string;
  title: string;
  sizeBytes: number;
  platforms: string[];
  acquiredAt: string;
}

export interface GamesPage {
  games: OwnedGame[];
  nextCursor: string | null;
}
