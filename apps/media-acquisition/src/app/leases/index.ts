export { JobLease } from './job-lease';
export type { KeepOptions, LeaseStatus } from './job-lease';
export { JobLeaseRepository } from './job-lease.repository';
export type { LeaseRecord } from './job-lease.repository';
export { JobLeaseService } from './job-leases.service';
export { LeasesModule } from './leases.module';
