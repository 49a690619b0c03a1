import { lookup, Resolver } from 'node:dns/promises';
import type { InstanceSet } from './instance-set';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
  /** Seconds the record may be cached; undefined when the source does not say (hosts file). */
  ttl?: number;
}

export type AddressResolver = (host: string) => Promise<ResolvedAddress[]>;

export interface DnsTarget {
  host: string;
  port: number;
  protocol: 'http' | 'https';
  refreshMs: number;
}

export interface DnsStatus {
  host: string;
  instances: number;
  lastResolvedAt?: string;
  /** Set while the latest resolution failed: the last good list is still in use. */
  lastError?: string;
}

/**
 * A/AAAA records first (with their TTLs, as a Kubernetes headless Service answers), then the OS's
 * own lookup (hosts file, `localhost`), so a name resolvable either way works.
 */
export function systemResolver(servers?: string[]): AddressResolver {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  return async (host) => {
    const records = await Promise.allSettled([
      resolver.resolve4(host, { ttl: true }),
      resolver.resolve6(host, { ttl: true }),
    ]);
    const found: ResolvedAddress[] = [];
    records.forEach((result, i) => {
      if (result.status === 'fulfilled')
        for (const r of result.value) found.push({ address: r.address, family: i === 0 ? 4 : 6, ttl: r.ttl });
    });
    if (found.length > 0) return found;
    if (servers?.length) {
      const reason = records.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      throw reason?.reason ?? new Error(`${host} has no A or AAAA record`);
    }
    const addresses = await lookup(host, { all: true });
    return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  };
}

/**
 * Keeps a downstream's instances in step with DNS: re-resolves on the shortest record TTL (at least
 * a second) or every `refreshMs`, whichever comes first. Instances that leave drain (the set stops
 * picking them and lets their calls finish); a failed resolution keeps the last good list.
 */
export class DnsDiscovery {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private state: DnsStatus;

  constructor(
    private readonly target: DnsTarget,
    private readonly instances: InstanceSet,
    private readonly resolve: AddressResolver = systemResolver(),
  ) {
    this.state = { host: target.host, instances: instances.size };
  }

  get status(): DnsStatus {
    return { ...this.state, instances: this.instances.size };
  }

  /** Resolves now, then keeps resolving until `stop()`. */
  async start(): Promise<void> {
    await this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async refresh(): Promise<void> {
    let nextMs = this.target.refreshMs;
    try {
      const addresses = await this.resolve(this.target.host);
      if (addresses.length === 0) throw new Error(`${this.target.host} resolved to no address`);
      const { protocol, port } = this.target;
      const urls = [
        ...new Set(addresses.map((a) => `${protocol}://${a.family === 6 ? `[${a.address}]` : a.address}:${port}`)),
      ].sort();
      this.instances.replace(urls);
      const ttls = addresses.map((a) => a.ttl).filter((ttl): ttl is number => ttl !== undefined && ttl > 0);
      if (ttls.length > 0) nextMs = Math.min(nextMs, Math.max(1_000, Math.min(...ttls) * 1_000));
      this.state = { host: this.target.host, instances: urls.length, lastResolvedAt: new Date().toISOString() };
    } catch (error) {
      this.state = { ...this.state, lastError: (error as { code?: string }).code ?? (error as Error).message };
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => void this.refresh(), nextMs);
      this.timer.unref();
    }
  }
}
