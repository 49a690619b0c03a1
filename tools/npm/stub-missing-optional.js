#!/usr/bin/env node
// This registry serves only the linux-x64 builds of some native packages (@swc/core-*, @esbuild/*,
// @nx/nx-*, @unrs/resolver-binding-*), so `npm install` leaves the other platforms out of the lockfile
// and `npm ci` then rejects it. Record each missing optional platform package with its os/cpu so npm ci
// accepts the lockfile on any machine and skips what does not match. Re-run after dependency changes.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const pkgs = lock.packages;
const guess = (name) => {
  const os = [
    'darwin',
    'linux',
    'win32',
    'freebsd',
    'android',
    'openbsd',
    'netbsd',
    'sunos',
    'aix',
    'openharmony',
  ].find((o) => name.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'].find((c) =>
    new RegExp(`[-_]${c}(?:[-_]|$)`).test(name),
  );
  const libc = /musl/.test(name) ? 'musl' : /gnu/.test(name) ? 'glibc' : undefined;
  return { os, cpu, libc };
};
let added = 0;
for (const [loc, meta] of Object.entries(pkgs)) {
  for (const [dep, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = loc ? `${loc}/node_modules/` : 'node_modules/';
    if (pkgs[`${base}${dep}`] || pkgs[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = guess(dep);
    const entry = { version: range.replace(/^[\^~=]/, ''), optional: true };
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (libc) entry.libc = [libc];
    pkgs[`node_modules/${dep}`] = entry;
    added++;
  }
}
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`stubbed ${added} missing optional platform package(s)`);
