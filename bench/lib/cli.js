'use strict';
// The command line every bench part shares: `--key value` flags, and a main that prints (or writes
// to --out) the part's JSON result and exits.
const fs = require('node:fs');

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--'))
      args[argv[i].slice(2)] = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : true;
  }
  return args;
}

/** Runs `run(args)` and exits: 0 with its JSON on stdout (or in `--out`), 1 with the error. */
function runMain(name, run) {
  const args = parseArgs(process.argv.slice(2));
  run(args).then(
    (result) => {
      const json = JSON.stringify(result, null, 2);
      if (args.out && args.out !== true) fs.writeFileSync(args.out, json + '\n');
      else process.stdout.write(json + '\n');
      // Timers some libraries unref (opossum, the timeout wheel) must not decide when we exit.
      process.exit(0);
    },
    (error) => {
      process.stderr.write(`${name} bench failed: ${error && error.stack ? error.stack : error}\n`);
      process.exit(1);
    },
  );
}

module.exports = { parseArgs, runMain };
