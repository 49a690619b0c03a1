#!/usr/bin/env node
// Compiles every app and lib into dist/ with tsc (type-checked), rewrites the @keel/* path aliases
// into relative requires so `node dist/apps/<app>/src/main.js` runs with plain Node, and copies
// each app's migrations next to its compiled code.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']);

// Each app finds its migrations beside its compiled code (dist/apps/<app>/migrations), as in the sources.
for (const app of fs.readdirSync(path.join(root, 'apps'))) {
  const migrations = path.join(root, 'apps', app, 'migrations');
  if (fs.existsSync(migrations)) fs.cpSync(migrations, path.join(root, 'dist', 'apps', app, 'migrations'), { recursive: true });
}
