// Prints one closing line for every Jest run recorded during this `npm test` (see summary-reporter.js),
// with the real-peer suites: how many ran against a real server and how many were skipped.
const fs = require('node:fs');
const path = require('node:path');

/** "real-peer suites: 5 ran, 1 skipped (qbittorrent-nox 0/1, Postgres 3/3, Redis 2/2)": ran/all per peer. */
function realPeerLine(suites) {
  const perPeer = new Map();
  for (const suite of suites) {
    for (const peer of suite.peers) {
      const counts = perPeer.get(peer) ?? { ran: 0, all: 0 };
      counts.all++;
      if (suite.ran) counts.ran++;
      perPeer.set(peer, counts);
    }
  }
  const ran = suites.filter((suite) => suite.ran).length;
  const detail = [...perPeer].sort(([a], [b]) => a.localeCompare(b)).map(([peer, c]) => `${peer} ${c.ran}/${c.all}`);
  return `real-peer suites: ${ran} ran, ${suites.length - ran} skipped${detail.length ? ` (ran/all: ${detail.join(', ')})` : ''}`;
}

function main() {
  const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
  let passed = 0, failed = 0, skipped = 0, projects = 0;
  const realPeers = [];
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    projects++;
    passed += r.passed;
    failed += r.failed + r.failedSuites;
    skipped += r.skipped;
    realPeers.push(...(r.realPeers ?? []));
  }
  console.log(`\n${projects} Jest projects`);
  console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped; ${realPeerLine(realPeers)}`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

if (require.main === module) main();
module.exports = { realPeerLine };
