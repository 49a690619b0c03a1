import { randomBytes } from 'node:crypto';

/** Session ids the emulator issued. Kept per emulator, so a restart logs every client out. */
export class SessionTable {
  private readonly ids = new Set<string>();

  open(): string {
    // qBittorrent's SIDs are 32 random base64 characters.
    const id = randomBytes(24).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B');
    this.ids.add(id);
    return id;
  }

  has(id: string | undefined): boolean {
    return id !== undefined && this.ids.has(id);
  }

  close(id: string | undefined): void {
    if (id !== undefined) this.ids.delete(id);
  }

  clear(): void {
    this.ids.clear();
  }
}

/** `WebUI\MaxAuthenticationFailCount` / `WebUI\BanDuration`: per-IP failed logins and the ban they earn. */
export class LoginBans {
  private readonly failures = new Map<string, number>();
  private readonly bannedUntil = new Map<string, number>();

  constructor(
    private readonly maxFailures: number,
    private readonly banMs: number,
  ) {}

  isBanned(ip: string, now: number): boolean {
    const until = this.bannedUntil.get(ip);
    if (until === undefined) return false;
    if (now < until) return true;
    this.bannedUntil.delete(ip);
    return false;
  }

  recordFailure(ip: string, now: number): void {
    if (this.maxFailures <= 0) return;
    const count = (this.failures.get(ip) ?? 0) + 1;
    if (count < this.maxFailures) {
      this.failures.set(ip, count);
      return;
    }
    this.failures.delete(ip);
    this.bannedUntil.set(ip, now + this.banMs);
  }

  recordSuccess(ip: string): void {
    this.failures.delete(ip);
  }
}
