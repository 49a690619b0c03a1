import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Run {
  code: number | null;
  /** The last lines of stdout and stderr, enough to read why a step failed. */
  output: string;
  stdout: string;
}

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string; title: string }[] }[];
}

/** What a copy leaves out when git cannot list the files: installed, built or cached, never sources. */
const NOT_SOURCES = new Set(['node_modules', '.git', '.nx', 'dist', 'tmp', 'data', 'coverage']);

/**
 * A copy of the workspace as git sees it (tracked files plus untracked ones that are not ignored, so a
 * local run tests the working tree), with node_modules linked rather than copied.
 */
function copyWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'keel-generator-'));
  const files = sourceFiles();
  if (files === undefined) {
    cpSync(ROOT, dir, {
      recursive: true,
      filter: (from) => !NOT_SOURCES.has(path.relative(ROOT, from).split(path.sep)[0]),
    });
  }
  for (const file of files ?? []) {
    const from = path.join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet in the index
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(from, path.join(dir, file));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The workspace's files as git lists them; undefined outside a git checkout (e.g. an exported tree). */
function sourceFiles(): string[] | undefined {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return listed.toString('utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** Runs a command in the copy, outside this Nx task: the outer run's NX_*, Jest and test-tier variables stay out. */
function run(cwd: string, command: string, args: string[]): Promise<Run> {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !key.startsWith('NX_') && !key.startsWith('JEST_') && key !== 'KEEL_TEST_TIER',
  );
  const nx = {
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: 'true',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
  };
  const env = { ...Object.fromEntries(inherited), ...nx, FORCE_COLOR: '0', NO_COLOR: '1' };
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      keep(chunk);
    });
    child.stderr.on('data', keep);
    child.on('error', reject);
    // Nx warns, once per project, that it falls back to ts-node; those lines only hide the ones that matter.
    const tail = () =>
      output
        .split('\n')
        .filter((line) => !/ts-node|swc/.test(line))
        .slice(-60)
        .join('\n');
    child.on('close', (code) => resolve({ code, output: tail(), stdout }));
  });
}

/** `nx g @keel/tools:downstream weather` in a copy of the workspace, then the checks CI runs, on what it made. */
describe('nx g @keel/tools:downstream', () => {
  let workspace: string;
  let generated: Run;

  beforeAll(async () => {
    workspace = copyWorkspace();
    generated = await run(workspace, 'npx', ['nx', 'g', '@keel/tools:downstream', 'weather', '--no-interactive']);
  });

  afterAll(() => {
    if (workspace === undefined) return;
    // The link first, so that removing the copy can never reach the real node_modules.
    unlinkSync(path.join(workspace, 'node_modules'));
    rmSync(workspace, { recursive: true, force: true });
  });

  it('generates the client, its emulator and their registration', () => {
    // Assert
    expect(generated).toMatchObject({ code: 0 });
    expect(generated.output).toContain('CREATE libs/clients/weather/src/weather.client.integration-spec.ts');
    expect(generated.output).toContain('CREATE libs/sandbox/src/weather/weather.emulator.ts');
    expect(generated.output).toContain('UPDATE libs/sandbox/src/sandbox.ts');
    expect(readFileSync(path.join(workspace, 'tsconfig.base.json'), 'utf8')).toContain('"@keel/clients-weather"');
  });

  it('makes a project Nx sees, tagged as a client, with lint and test targets', async () => {
    // Act
    const shown = await run(workspace, 'npx', ['nx', 'show', 'project', 'clients-weather', '--json']);

    // Assert
    expect(shown).toMatchObject({ code: 0 });
    const json = shown.stdout.slice(shown.stdout.indexOf('{'), shown.stdout.lastIndexOf('}') + 1);
    const project = JSON.parse(json) as { tags: string[]; targets: Record<string, unknown> };
    expect(project.tags).toContain('type:client');
    expect(Object.keys(project.targets)).toEqual(expect.arrayContaining(['lint', 'test']));
  });

  it('type-checks with the whole workspace', async () => {
    // Act
    const tsc = await run(workspace, 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);

    // Assert
    expect(tsc).toMatchObject({ code: 0 });
  });

  it('passes lint, module boundaries included', async () => {
    // Act
    const lint = await run(workspace, 'npx', [
      'eslint',
      '--max-warnings=0',
      'libs/clients/weather',
      'libs/sandbox/src/weather',
      'libs/sandbox/src/sandbox.ts',
      'libs/sandbox/src/index.ts',
      'tools/start/sandbox-urls.js',
    ]);

    // Assert
    expect(lint).toMatchObject({ code: 0 });
  });

  it('passes its own tests (the integration spec against its emulator) and the sandbox’s port checks', async () => {
    // Arrange
    const reportFile = path.join(workspace, 'tmp', 'jest-report.json');
    const projects = ['libs/clients/weather', 'libs/sandbox', 'tools/start'];

    // Act
    const jest = await run(workspace, 'npx', [
      'jest',
      '--ci',
      '--json',
      `--outputFile=${reportFile}`,
      '--projects',
      ...projects,
      '--testPathPatterns',
      'clients/weather/|sandbox/src/weather/|sandbox/src/sandbox\\.spec|sandbox-urls\\.spec',
    ]);

    // Assert
    expect(jest).toMatchObject({ code: 0 });
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
    const passed = (file: string) =>
      report.testResults
        .find((result) => result.name.endsWith(file))
        ?.assertionResults.filter((test) => test.status === 'passed').length ?? 0;
    expect(report.numFailedTests).toBe(0);
    expect(passed('libs/clients/weather/src/weather.client.integration-spec.ts')).toBeGreaterThanOrEqual(5);
    expect(passed('libs/clients/weather/src/weather.config.spec.ts')).toBeGreaterThan(0);
    expect(passed('libs/sandbox/src/weather/weather.emulator.spec.ts')).toBeGreaterThan(0);
    // startSandbox starts the new emulator too, and the ports npm start gives the services still equal the sandbox's.
    expect(passed('libs/sandbox/src/sandbox.spec.ts')).toBeGreaterThan(0);
    expect(passed('tools/start/sandbox-urls.spec.ts')).toBeGreaterThan(0);
  });
});
