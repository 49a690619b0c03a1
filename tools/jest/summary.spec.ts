import { realPeerSuites } from './summary-reporter';
import { realPeerLine, tierLine } from './summary';

type Status = 'passed' | 'failed' | 'pending';
const test = (ancestorTitles: string[], status: Status) => ({ ancestorTitles, status });
const file = (testFilePath: string, testResults: ReturnType<typeof test>[]) => ({ testFilePath, testResults });

describe('the closing line of npm test: real-peer suites', () => {
  it('counts each tagged describe once, as ran when any of its tests ran and skipped when none did', () => {
    // Arrange: a real qbittorrent-nox suite skipped (not installed), two Postgres ones that ran
    // (one with nested describes), an untagged suite that does not count.
    const results = {
      testResults: [
        file('/q.integration-spec.ts', [
          test(['qbittorrent-nox [real peer: qbittorrent-nox]'], 'pending'),
          test(['QbittorrentClient against qbittorrent-nox (real) [real peer: qbittorrent-nox]'], 'pending'),
          test(['QbittorrentClient against emulator 4.5.2'], 'passed'),
        ]),
        file('/p.integration-spec.ts', [
          test(['PersistenceModule on postgres [real peer: Postgres]'], 'passed'),
          test(['PersistenceModule on postgres [real peer: Postgres]', 'migrations'], 'failed'),
          test(['openPostgres [real peer: Postgres]'], 'passed'),
        ]),
        file('/r.e2e-spec.ts', [test(['three replicas [real peer: haproxy, Redis]'], 'passed')]),
      ],
    };

    // Act
    const suites = realPeerSuites(results);
    const line = realPeerLine(suites);

    // Assert
    expect(suites).toHaveLength(5);
    expect(line).toBe(
      'real-peer suites: 3 ran, 2 skipped (ran/all: haproxy 1/1, Postgres 2/2, qbittorrent-nox 0/2, Redis 1/1)',
    );
  });

  it('says so when no suite needed a real peer', () => {
    expect(realPeerLine([])).toBe('real-peer suites: 0 ran, 0 skipped');
  });
});

describe('the closing line of npm test: tiers', () => {
  it('adds up the tests passed per tier over every project, unit first', () => {
    const run = (tier: string, passed: number) => ({ tier, passed });
    expect(tierLine([run('e2e', 3), run('unit', 10), run('integration', 4), run('unit', 5)])).toBe(
      'unit 15, integration 4, e2e 3',
    );
  });
});
