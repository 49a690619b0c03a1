import type { AuthenticatedUser } from '@keel/context';

interface Entry {
  user: AuthenticatedUser;
  expiresAtMs: number;
}

/**
 * Verified tokens → their user, until `exp`. jose's HS256 verify costs ~100+ µs a call and a client
 * sends the same token many times, so a hit is a Map lookup instead. The key is the whole token,
 * signature included, so only a byte-identical token hits. Failures are never stored.
 *
 * Bounded: past `maxEntries` the oldest insertion goes (Map keeps insertion order), which is close
 * enough to LRU for tokens that mostly live an hour.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 10_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(token: string, nowMs: number): AuthenticatedUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.user;
  }

  set(token: string, user: AuthenticatedUser, expiresAtMs: number): void {
    if (this.maxEntries <= 0) return;
    if (!this.entries.has(token) && this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(token, { user, expiresAtMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
