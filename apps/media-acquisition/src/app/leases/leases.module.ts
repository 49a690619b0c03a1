import { Module } from '@nestjs/common';
import { JobLeaseRepository } from './job-lease.repository';
import { JobLeaseService } from './job-leases.service';

/** Leases on scheduled jobs, so a fleet of replicas runs each one once. */
@Module({
  providers: [JobLeaseRepository, JobLeaseService],
  exports: [JobLeaseService, JobLeaseRepository],
})
export class LeasesModule {}
