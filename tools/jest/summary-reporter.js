// Each Nx test task runs its own Jest; this records every run's counts so tools/jest/summary.js can
// print one closing line for the whole `npm test`.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = path.relative(path.join(__dirname, '..', '..'), this.rootDir).replace(/[\\/]/g, '__') || 'root';
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numFailedTestSuites: failedSuites } = results;
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ passed, failed, skipped, failedSuites, at: Date.now() }));
  }
}
module.exports = SummaryReporter;
