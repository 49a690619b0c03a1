'use strict';
// Child processes of the bench: each is spawned in a process group of its own and tracked, so that
// every exit path (normal end, error, Ctrl-C, watchdog) can end it and whatever it started.
const { spawn } = require('node:child_process');

const live = new Set();

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Spawns `command args` detached (its own process group) and tracks it until it exits. */
function start(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
async function stop(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child, 'SIGTERM');
  let timer;
  const forced = new Promise((resolve) => {
    timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      resolve();
    }, graceMs);
  });
  await Promise.race([child.exited, forced]);
  clearTimeout(timer);
  await Promise.race([child.exited, new Promise((r) => setTimeout(r, 1000))]);
}

const exitHooks = new Set();

/** A synchronous clean-up (e.g. removing a temp dir) to run on any exit; returns its remover. */
function onExit(hook) {
  exitHooks.add(hook);
  return () => exitHooks.delete(hook);
}

/** Synchronous last resort for process 'exit': SIGKILL every group still alive, run the hooks. */
function killAllNow() {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
  for (const hook of exitHooks) {
    try {
      hook();
    } catch {
      /* best effort */
    }
  }
  exitHooks.clear();
}

let installed = false;
/** Ends every tracked child on exit, on SIGINT/SIGTERM/SIGHUP and on an uncaught error. */
function installCleanup() {
  if (installed) return;
  installed = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping children\n`);
      killAllNow();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    process.stderr.write(`bench: uncaught ${error && error.stack ? error.stack : error}\n`);
    killAllNow();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    process.stderr.write(`bench: unhandled rejection ${error && error.stack ? error.stack : error}\n`);
    killAllNow();
    process.exit(1);
  });
}

module.exports = { start, stop, killAllNow, installCleanup, onExit, live };
