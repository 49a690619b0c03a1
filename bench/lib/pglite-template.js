'use strict';
// Creates an empty PGlite data directory (initdb only, no tables) at argv[2] and closes it. A fresh
// PGlite initdb costs 10–20 s of CPU here; the HTTP bench makes one and copies it for every run, so
// each server still starts on a database of its own and applies its migrations itself.
const fs = require('node:fs');
const { PGlite } = require('@electric-sql/pglite');

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: pglite-template.js <dataDir>');
  fs.mkdirSync(dir, { recursive: true });
  const db = new PGlite(dir);
  await db.waitReady;
  await db.query('select 1');
  await db.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`pglite template failed: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
