#!/usr/bin/env node
// Compiles apps and libs into dist/ with tsc (type-checked), rewrites the @keel/* path aliases into
// relative requires so `node dist/apps/<app>/src/main.js` runs with plain Node, and copies each app's
// migrations next to its compiled code.
//
//   node tools/build/build.js                       every app and lib (`npm run build`), one tsc run
//   node tools/build/build.js --project libs/resilience
//                                                   one project (its Nx `build` target): type-checks it
//                                                   against its dependencies' sources, but writes only
//                                                   its own files (dist/libs/resilience); Nx builds the
//                                                   dependencies first (dependsOn ^build)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

/** Each app finds its migrations beside its compiled code (dist/apps/<app>/migrations), as in the sources. */
function copyMigrations(projectRoot) {
  const migrations = path.join(root, projectRoot, 'migrations');
  if (fs.existsSync(migrations))
    fs.cpSync(migrations, path.join(root, 'dist', projectRoot, 'migrations'), { recursive: true });
}

function buildAll() {
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
  for (const app of fs.readdirSync(path.join(root, 'apps'))) copyMigrations(path.join('apps', app));
}

async function buildProject(projectRoot) {
  const ts = require('typescript');
  const { prepareSingleFileReplaceTscAliasPaths } = require('tsc-alias');
  const configFile = path.join(root, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  // The same files and options as the whole build, narrowed to this project's production sources.
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  const prefix = path.join(root, projectRoot) + path.sep;
  const own = parsed.fileNames.filter((file) => path.resolve(file).startsWith(prefix));
  if (own.length === 0) throw new Error(`build: no production sources under ${projectRoot}`);
  const options = { ...parsed.options, incremental: false, tsBuildInfoFile: undefined };

  const program = ts.createProgram(own, options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    process.exit(1);
  }

  fs.rmSync(path.join(root, 'dist', projectRoot), { recursive: true, force: true });
  const replaceAliases = await prepareSingleFileReplaceTscAliasPaths({ configFile, outDir: options.outDir });
  const write = (filePath, text) => {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, filePath.endsWith('.js') ? replaceAliases({ fileContents: text, filePath }) : text);
  };
  for (const file of own) {
    const result = program.emit(program.getSourceFile(file), write);
    if (result.emitSkipped) throw new Error(`build: tsc skipped ${file}`);
  }
  copyMigrations(projectRoot);
  console.log(`built ${projectRoot}: ${own.length} files → dist/${projectRoot}`);
}

const at = process.argv.indexOf('--project');
if (at === -1) buildAll();
else
  buildProject(process.argv[at + 1]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
