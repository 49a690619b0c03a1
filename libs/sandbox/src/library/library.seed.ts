export interface LibraryGameSeed {
  readonly gameId: string;
  readonly title: string;
  readonly sizeBytes: number;
  readonly platforms: readonly string[];
}

export interface LibraryOwnershipSeed {
  readonly gameId: string;
  readonly acquiredAt: string;
}

export interface LibrarySeed {
  readonly games: readonly LibraryGameSeed[];
  /** Every known user, with the games they own in acquisition order (the listing order). */
  readonly users: Readonly<Record<string, readonly LibraryOwnershipSeed[]>>;
}

/** The contract's seed: u1 owns g1 and g2, u2 owns g3, u3 owns nothing; g1–g5 exist. */
export const LIBRARY_SEED: LibrarySeed = deepFreeze({
  games: [
    { gameId: 'g1', title: 'Hollow Knight', sizeBytes: 9_100_000_000, platforms: ['windows', 'linux'] },
    { gameId: 'g2', title: 'Celeste', sizeBytes: 1_200_000_000, platforms: ['windows', 'macos', 'linux'] },
    { gameId: 'g3', title: 'Hades', sizeBytes: 15_000_000_000, platforms: ['windows', 'macos'] },
    { gameId: 'g4', title: 'Stardew Valley', sizeBytes: 1_100_000_000, platforms: ['windows', 'macos', 'linux'] },
    { gameId: 'g5', title: 'Factorio', sizeBytes: 4_200_000_000, platforms: ['windows', 'macos', 'linux'] },
  ],
  users: {
    u1: [
      { gameId: 'g1', acquiredAt: '2024-01-02T03:04:05Z' },
      { gameId: 'g2', acquiredAt: '2024-03-15T18:30:00Z' },
    ],
    u2: [{ gameId: 'g3', acquiredAt: '2023-11-24T09:12:45Z' }],
    u3: [],
  },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
