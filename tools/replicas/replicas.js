#!/usr/bin/env node
'use strict';
// `npm run replicas`: builds, then runs three replicas each of download and media-acquisition behind
// HAProxy, on the machine's Postgres (DATABASE_URL) and Redis (REDIS_URL), with the sandbox's
// emulators. Ctrl-C stops everything. See the README, "A fleet of replicas".
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const children = require('../../bench/lib/children');
const { startReplicaBed, prerequisites, mintToken } = require('./bed');

const ROOT = path.join(__dirname, '..', '..');

async function main() {
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, [path.join(ROOT, 'tools/build/build.js')], { cwd: ROOT, stdio: 'inherit' });
  const missing = prerequisites();
  if (missing.length) throw new Error(`npm run replicas needs ${missing.join(' and ')}`);
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const replicas = Number(process.env.REPLICAS || 3);
  const bed = await startReplicaBed({
    replicas,
    databaseUrl,
    redisUrl,
    lbPorts: {
      download: Number(process.env.REPLICAS_DOWNLOAD_PORT || 3201),
      'media-acquisition': Number(process.env.REPLICAS_MEDIA_PORT || 3204),
    },
    keepTmp: true,
    log: (line) => console.log(line),
  });
  const token = mintToken('u1', ['media:write']);
  const admin = mintToken('ops', ['admin']);
  const download = bed.services.download;
  const media = bed.services['media-acquisition'];
  const ports = (service) => service.replicas.map((r) => r.port).join(', ');
  const { library, prowlarr, qbittorrent } = bed.sandbox;
  console.log(`
${replicas} replicas each, behind HAProxy (round-robin, checked on /api/health/ready):
  download           ${download.url}   (replicas ${ports(download)})
  media-acquisition  ${media.url}   (replicas ${ports(media)})
  library emulator   ${library}      prowlarr ${prowlarr}      qbittorrent ${qbittorrent}
Postgres ${databaseUrl} (schemas replicas_${bed.id}_*), Redis ${redisUrl} (keys keel-replicas-${bed.id}:*)
Logs: ${bed.tmp}

TOKEN=${token}
ADMIN=${admin}
Ctrl-C stops everything.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping the replicas, HAProxy and the sandbox…');
    await bed.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', () => children.killAllNow());
}

main().catch((error) => {
  console.error(error.message);
  children.killAllNow();
  process.exit(1);
});
