export interface UserSeedEntry {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  /** A deactivated user still exists (200), so callers can refuse them by this flag. */
  readonly active: boolean;
}

export interface UserSeed {
  readonly users: readonly UserSeedEntry[];
}

/** u1 and u2 are members, u3 is a deactivated member, admin1 is an administrator. */
export const USER_SEED: UserSeed = deepFreeze({
  users: [
    { id: 'u1', email: 'a@example.com', displayName: 'Ada', roles: ['member'], active: true },
    { id: 'u2', email: 'grace@example.com', displayName: 'Grace', roles: ['member'], active: true },
    { id: 'u3', email: 'linus@example.com', displayName: 'Linus', roles: ['member'], active: false },
    { id: 'admin1', email: 'margaret@example.com', displayName: 'Margaret', roles: ['member', 'admin'], active: true },
  ],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
