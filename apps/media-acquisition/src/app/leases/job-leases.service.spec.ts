import { hostname } from 'node:os';
import { JobLease } from './job-lease';
import type { JobLeaseRepository } from './job-lease.repository';
import { JobLeaseService } from './job-leases.service';

describe(JobLeaseService.name, () => {
  const repository = {} as JobLeaseRepository;

  it('names this replica by host, pid and a nonce, so a restart is a new holder', () => {
    // Arrange, Act
    const [first, second] = [new JobLeaseService(repository), new JobLeaseService(repository)];

    // Assert
    expect(first.holder).toMatch(
      new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${process.pid}:[0-9a-f]{6}$`),
    );
    expect(first.holder).not.toBe(second.holder);
  });

  it('gives the same lease for the same name, and another for another name', () => {
    // Arrange
    const service = new JobLeaseService(repository);

    // Act
    const monitor = service.lease('download-monitor', 1_000);
    const again = service.lease('download-monitor', 5_000);
    const other = service.lease('job:rss-sync', 1_000);

    // Assert
    expect(monitor).toBeInstanceOf(JobLease);
    expect(again).toBe(monitor);
    expect(other).not.toBe(monitor);
    expect(monitor.held).toBe(false);
  });
});
