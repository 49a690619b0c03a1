import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { JobLease } from './job-lease';
import { JobLeaseRepository } from './job-lease.repository';

/**
 * Named leases for scheduled jobs that must run on exactly one replica at a time (the download
 * monitor; RSS sync and the missing-movie search later). Each job asks for its lease by name and
 * checks `held` before each run; the job's owner releases it on shutdown.
 */
@Injectable()
export class JobLeaseService {
  /**
   * This replica, as lease rows name it: the pod's name on Kubernetes, then pid and a nonce (a restart is a new
   * holder).
   */
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly leases = new Map<string, JobLease>();

  constructor(private readonly repository: JobLeaseRepository) {}

  /** The lease called `name`; the same object for every call with that name. */
  lease(name: string, ttlMs: number): JobLease {
    let lease = this.leases.get(name);
    if (!lease) {
      lease = new JobLease(name, this.holder, ttlMs, this.repository);
      this.leases.set(name, lease);
    }
    return lease;
  }
}
