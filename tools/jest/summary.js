// Prints the closing lines of `npm test` from every Jest run it recorded (see summary-reporter.js):
// tests passed per tier, the totals, and the real-peer suites (how many ran against a real server, how many skipped).
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
  return (
    `real-peer suites: ${ran} ran, ${suites.length - ran} ` +
    `skipped${detail.length ? ` (ran/all: ${detail.join(', ')})` : ''}`
  );
}

/** "unit 812, integration 301, e2e 140": tests passed per tier, in that order. */
function tierLine(runs) {
  const order = ['unit', 'integration', 'e2e', 'all'];
  const passed = new Map();
  for (const run of runs) passed.set(run.tier ?? 'all', (passed.get(run.tier ?? 'all') ?? 0) + run.passed);
  return [...passed]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([tier, n]) => `${tier} ${n}`)
    .join(', ');
}

function main() {
  const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
  const runs = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).map((file) =>
    JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
  );
  let passed = 0,
    failed = 0,
    skipped = 0;
  const realPeers = [];
  for (const r of runs) {
    passed += r.passed;
    failed += r.failed + r.failedSuites;
    skipped += r.skipped;
    realPeers.push(...(r.realPeers ?? []));
  }
  // One run per project and tier (each an Nx task: test, integration, e2e).
  console.log(`\n${runs.length} Jest runs; passed by tier: ${tierLine(runs) || 'none'}`);
  console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped; ${realPeerLine(realPeers)}`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

if (require.main === module) main();
module.exports = { realPeerLine, tierLine };
