#!/usr/bin/env node
// Regenerates the committed drizzle-kit migrations of every service that owns a database.
//
//   npm run db:generate                                   every apps/*/drizzle.config.ts
//   npm run db:generate -- libs/x/drizzle.config.ts       only the configs named
//   npm run db:generate -- --name add_status              extra flags go to drizzle-kit
//
// drizzle-kit loads the TypeScript config and schema itself (through esbuild), and resolves the
// config's `schema` and `out` paths from the working directory, so it always runs from the repo root.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const named = args.filter((arg) => arg.endsWith('drizzle.config.ts'));
const passThrough = args.filter((arg) => !named.includes(arg));

function discoverConfigs() {
  const appsDir = path.join(root, 'apps');
  if (!fs.existsSync(appsDir)) return [];
  return fs
    .readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join('apps', entry.name, 'drizzle.config.ts'))
    .filter((config) => fs.existsSync(path.join(root, config)));
}

const configs = named.length > 0 ? named : discoverConfigs();
if (configs.length === 0) {
  console.log('db:generate: no apps/*/drizzle.config.ts found; nothing to generate');
  process.exit(0);
}

const drizzleKit = path.join(root, 'node_modules', 'drizzle-kit', 'bin.cjs');
let failed = 0;
for (const config of configs) {
  console.log(`db:generate: ${config}`);
  const result = spawnSync(process.execPath, [drizzleKit, 'generate', '--config', config, ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`db:generate: drizzle-kit failed for ${config} (exit ${result.status ?? result.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
