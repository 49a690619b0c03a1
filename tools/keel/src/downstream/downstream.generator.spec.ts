import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { readJson, readProjectConfiguration } from '@nx/devkit';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { WORKSPACE_FILES, downstreamGenerator } from './downstream.generator';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** An empty Nx workspace holding this repository's real registration files, as they are today. */
function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  const files = [
    WORKSPACE_FILES.sandboxPorts,
    WORKSPACE_FILES.sandboxStarters,
    WORKSPACE_FILES.sandboxBarrel,
    WORKSPACE_FILES.startUrls,
    WORKSPACE_FILES.tsconfig,
  ];
  for (const file of files) tree.write(file, readFileSync(path.join(WORKSPACE_ROOT, file), 'utf-8'));
  return tree;
}

function text(tree: Tree, file: string): string {
  const content = tree.read(file, 'utf-8');
  if (content === null) throw new Error(`${file} was not written`);
  return content;
}

/** TypeScript's syntax errors in `file`, as messages (a generated or edited file must parse). */
function syntaxErrors(tree: Tree, file: string): string[] {
  const { diagnostics = [] } = ts.transpileModule(text(tree, file), {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { experimentalDecorators: true },
  });
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe(downstreamGenerator.name, () => {
  it('creates the client lib, its emulator and their specs', async () => {
    // Arrange
    const tree = workspace();

    // Act
    await downstreamGenerator(tree, { name: 'weather' });

    // Assert
    const created = tree
      .listChanges()
      .filter((change) => change.type === 'CREATE' && change.path.includes('/weather'))
      .map((change) => change.path)
      .sort();
    expect(created).toEqual([
      'libs/clients/weather/README.md',
      'libs/clients/weather/jest.config.ts',
      'libs/clients/weather/project.json',
      'libs/clients/weather/src/index.ts',
      'libs/clients/weather/src/weather-client.module.ts',
      'libs/clients/weather/src/weather.client.integration-spec.ts',
      'libs/clients/weather/src/weather.client.spec.ts',
      'libs/clients/weather/src/weather.client.ts',
      'libs/clients/weather/src/weather.config.spec.ts',
      'libs/clients/weather/src/weather.constants.ts',
      'libs/clients/weather/src/weather.schemas.ts',
      'libs/clients/weather/tsconfig.json',
      'libs/sandbox/src/weather/weather.emulator.spec.ts',
      'libs/sandbox/src/weather/weather.emulator.ts',
      'libs/sandbox/src/weather/weather.seed.ts',
    ]);
    for (const file of created.filter((name) => name.endsWith('.ts')))
      expect({ file, errors: syntaxErrors(tree, file) }).toEqual({ file, errors: [] });
    expect(created.map((file) => text(tree, file)).join('\n')).not.toMatch(/<%|%>|__\w+__/);
  });

  it('makes a client in the new shape: DownstreamModule, answers declared by schema, spec on the fake', async () => {
    // Arrange
    const tree = workspace();

    // Act
    await downstreamGenerator(tree, { name: 'weather' });

    // Assert
    const module = text(tree, 'libs/clients/weather/src/weather-client.module.ts');
    const client = text(tree, 'libs/clients/weather/src/weather.client.ts');
    const spec = text(tree, 'libs/clients/weather/src/weather.client.spec.ts');
    expect(module).toContain("DownstreamModule.register({ name: WEATHER, healthPath: '/health' })");
    expect(client).toContain('answers: { 200: WeatherItemSchema, 404: null }');
    expect(client).not.toMatch(/signal|checkShape| as /);
    expect(spec).toContain("fakeHttpClient('weather')");
  });

  it('makes an Nx project tagged as a client, with the path alias its neighbours have', async () => {
    // Arrange
    const tree = workspace();

    // Act
    await downstreamGenerator(tree, { name: 'weather' });

    // Assert
    expect(readProjectConfiguration(tree, 'clients-weather')).toMatchObject({
      root: 'libs/clients/weather',
      sourceRoot: 'libs/clients/weather/src',
      projectType: 'library',
      tags: ['type:client', 'scope:shared'],
      targets: { build: {}, test: {}, integration: {} },
    });
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths).toMatchObject({
      '@keel/clients-tmdb': ['./libs/clients/tmdb/src/index.ts'],
      '@keel/clients-weather': ['./libs/clients/weather/src/index.ts'],
    });
    expect(text(tree, 'libs/clients/weather/src/weather.constants.ts')).toContain("export const WEATHER = 'weather';");
    expect(text(tree, 'libs/clients/weather/src/weather.config.spec.ts')).toContain('/WEATHER_SERVICE_URL/');
  });

  it('registers the emulator on the next free port, where npm start finds it', async () => {
    // Arrange
    const tree = workspace();

    // Act
    await downstreamGenerator(tree, { name: 'weather' });

    // Assert
    expect(text(tree, WORKSPACE_FILES.sandboxPorts)).toMatch(/ {2}tmdb: 3108,\n {2}weather: 3109,\n\} as const\);/);
    expect(text(tree, WORKSPACE_FILES.startUrls)).toMatch(/tmdb: 3108,\s*weather: 3109,\s*\};/);
    expect(text(tree, WORKSPACE_FILES.sandboxStarters)).toContain(
      "import { startWeatherEmulator } from './weather/weather.emulator';",
    );
    expect(text(tree, WORKSPACE_FILES.sandboxStarters)).toMatch(/\n {2}weather: startWeatherEmulator,\n\};/);
    expect(text(tree, WORKSPACE_FILES.sandboxBarrel)).toMatch(
      'export { startWeatherEmulator, weatherRoutes, type WeatherEmulatorOptions } ' +
        "from './weather/weather.emulator';\n",
    );
    for (const file of [
      WORKSPACE_FILES.sandboxPorts,
      WORKSPACE_FILES.startUrls,
      WORKSPACE_FILES.sandboxStarters,
      WORKSPACE_FILES.sandboxBarrel,
    ]) {
      expect({ file, errors: syntaxErrors(tree, file) }).toEqual({ file, errors: [] });
    }
  });

  it('names a kebab-case downstream as resolveServiceConfig reads its variables, and quotes its keys', async () => {
    // Arrange
    const tree = workspace();

    // Act
    await downstreamGenerator(tree, { name: 'air-quality', port: 3200 });

    // Assert
    expect(text(tree, 'libs/clients/air-quality/src/air-quality.client.ts')).toContain('export class AirQualityClient');
    expect(text(tree, 'libs/clients/air-quality/src/air-quality.client.integration-spec.ts')).toContain(
      'AIR_QUALITY_SERVICE_URL: emulator.url',
    );
    expect(text(tree, WORKSPACE_FILES.sandboxPorts)).toContain("  'air-quality': 3200,\n");
    expect(text(tree, WORKSPACE_FILES.sandboxStarters)).toContain("  'air-quality': startAirQualityEmulator,\n");
    expect(text(tree, 'libs/sandbox/src/air-quality/air-quality.emulator.ts')).toContain("name: 'air-quality'");
  });

  it('gives two downstreams generated in a row ports of their own', async () => {
    // Arrange
    const tree = workspace();

    // Act
    await downstreamGenerator(tree, { name: 'weather' });
    await downstreamGenerator(tree, { name: 'tides' });

    // Assert
    expect(text(tree, WORKSPACE_FILES.sandboxPorts)).toMatch(/weather: 3109,\n {2}tides: 3110,\n/);
  });

  it.each([
    ['a name that is not kebab-case', { name: 'Weather' }, /must be kebab-case/],
    ['an existing client', { name: 'tmdb' }, /SANDBOX_PORTS already has 'tmdb'/],
    ['a port another emulator has', { name: 'weather', port: 3101 }, /Port 3101 is the library emulator's/],
    ['a port out of range', { name: 'weather', port: 70_000 }, /--port must be a port number/],
  ])('refuses %s and writes nothing', async (_label, schema, message) => {
    // Arrange
    const tree = workspace();

    // Act
    const run = downstreamGenerator(tree, schema);

    // Assert
    await expect(run).rejects.toThrow(message);
    expect(tree.listChanges().filter((change) => change.path.includes('weather'))).toEqual([]);
  });

  it('refuses a folder that already exists', async () => {
    // Arrange
    const tree = workspace();
    tree.write('libs/clients/weather/README.md', '# mine');

    // Act
    const run = downstreamGenerator(tree, { name: 'weather' });

    // Assert
    await expect(run).rejects.toThrow('libs/clients/weather already exists');
  });
});
