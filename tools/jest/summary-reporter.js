// Each Nx test task runs its own Jest; this records every run's counts so tools/jest/summary.js can
// print one closing line for the whole `npm test`.
//
// Real-peer suites (against a real qbittorrent-nox, Postgres, Redis or HAProxy, which a laptop may
// lack) carry `[real peer: <name>, …]` in a describe title. They skip locally without the server,
// with a notice, and are mandatory in CI; the closing line says how many ran and how many skipped.
const fs = require('node:fs');
const path = require('node:path');

const TAG = /\[real peer: ([^\]]+)\]/;

/** One entry per tagged describe block of each file: its peers, and whether any of its tests ran. */
function realPeerSuites(results) {
  const suites = new Map();
  for (const file of results.testResults) {
    for (const test of file.testResults) {
      const at = test.ancestorTitles.findIndex((title) => TAG.test(title));
      if (at === -1) continue;
      const key = `${file.testFilePath}::${test.ancestorTitles.slice(0, at + 1).join(' › ')}`;
      const peers = TAG.exec(test.ancestorTitles[at])[1]
        .split(',')
        .map((peer) => peer.trim());
      const suite = suites.get(key) ?? { peers, ran: false };
      suite.ran ||= test.status === 'passed' || test.status === 'failed';
      suites.set(key, suite);
    }
  }
  return [...suites.values()];
}

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    // One file per project and tier (`libs__resilience.integration.json`), as each is its own Nx task.
    const project = path.relative(path.join(__dirname, '..', '..'), this.rootDir).replace(/[\\/]/g, '__') || 'root';
    const name = `${project}.${process.env.KEEL_TEST_TIER || 'all'}`;
    const {
      numPassedTests: passed,
      numFailedTests: failed,
      numPendingTests: skipped,
      numFailedTestSuites: failedSuites,
    } = results;
    const realPeers = realPeerSuites(results);
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({
        tier: process.env.KEEL_TEST_TIER || 'all',
        passed,
        failed,
        skipped,
        failedSuites,
        realPeers,
        at: Date.now(),
      }),
    );
  }
}
module.exports = SummaryReporter;
module.exports.realPeerSuites = realPeerSuites;
