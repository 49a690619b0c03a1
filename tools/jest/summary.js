// Prints one closing line for every Jest run recorded during this `npm test` (see summary-reporter.js).
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
let passed = 0, failed = 0, skipped = 0, projects = 0;
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  projects++;
  passed += r.passed;
  failed += r.failed + r.failedSuites;
  skipped += r.skipped;
}
console.log(`\n${projects} Jest projects`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
