#!/usr/bin/env node
// Compiles every app and lib into dist/ with tsc (type-checked), then rewrites the @keel/* path
// aliases into relative requires so `node dist/apps/<app>/src/main.js` runs with plain Node.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
