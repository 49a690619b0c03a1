import * as path from 'node:path';
import { formatFiles, generateFiles, logger, names, updateJson } from '@nx/devkit';
import type { GeneratorCallback, Tree } from '@nx/devkit';
import type { DownstreamGeneratorSchema } from './downstream.schema';
import { addImport, addProperty, appendLine, numericProperties } from './source-edits';

/** The files a new downstream is registered in; the generator stops, naming the file, if one has moved. */
export const WORKSPACE_FILES = {
  clients: 'libs/clients',
  sandboxSources: 'libs/sandbox/src',
  /** `SANDBOX_PORTS`: the emulator's fixed port, which `npm start` and `SANDBOX_<NAME>_PORT` use. */
  sandboxPorts: 'libs/sandbox/src/sandbox.constants.ts',
  /** `STARTERS`: what `startSandbox` (and so apps/sandbox, and so `npm start`) starts. */
  sandboxStarters: 'libs/sandbox/src/sandbox.ts',
  sandboxBarrel: 'libs/sandbox/src/index.ts',
  /** `SANDBOX_PORTS` of `npm start`: the `<NAME>_SERVICE_URL` it gives a service that calls the downstream. */
  startUrls: 'tools/start/sandbox-urls.js',
  tsconfig: 'tsconfig.base.json',
} as const;

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SCOPES = ['shared', 'download', 'chat', 'project', 'media'];
const FIRST_SANDBOX_PORT = 3101;

/** Prettier's config files: only with one of them does the workspace have a style to format to. */
const PRETTIER_CONFIGS = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  '.prettierrc.ts',
  '.prettierrc.toml',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  'prettier.config.ts',
];

export interface DownstreamNames {
  /** kebab-case: the downstream's name, policy, metrics label, folder and emulator key. */
  name: string;
  /** `Weather`, `AirQuality`. */
  className: string;
  /** `weather`, `airQuality`. */
  propertyName: string;
  /** `WEATHER`, `AIR_QUALITY`: the prefix of `<NAME>_SERVICE_*`, as resolveServiceConfig derives it. */
  constantName: string;
  fileName: string;
  projectName: string;
  importPath: string;
  port: number;
  /** The `scope:` tag (eslint.config.mjs): which services may import the client. */
  scope: string;
}

/**
 * `nx g @keel/tools:downstream <name>`: a typed client in libs/clients/<name> (a module on
 * DownstreamModule, the client, its schemas, and its unit, config and integration specs), its
 * emulator in libs/sandbox (started by `npm start`), the `@keel/clients-<name>` path alias and a
 * fixed sandbox port, which `npm start` gives as `<NAME>_SERVICE_URL` to the services that list the
 * downstream (tools/start/services.js). The result passes lint, tsc and its tests as generated.
 */
export async function downstreamGenerator(tree: Tree, schema: DownstreamGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalize(tree, schema);
  const substitutions = { ...options, tmpl: '' };
  generateFiles(tree, path.join(__dirname, 'files', 'client'), clientRoot(options), substitutions);
  generateFiles(tree, path.join(__dirname, 'files', 'emulator'), emulatorRoot(options), substitutions);
  addPathAlias(tree, options);
  registerEmulator(tree, options);
  await formatIfConfigured(tree);
  return () => logger.info(nextSteps(options));
}

export default downstreamGenerator;

export function clientRoot(options: Pick<DownstreamNames, 'fileName'>): string {
  return `${WORKSPACE_FILES.clients}/${options.fileName}`;
}

export function emulatorRoot(options: Pick<DownstreamNames, 'fileName'>): string {
  return `${WORKSPACE_FILES.sandboxSources}/${options.fileName}`;
}

function normalize(tree: Tree, schema: DownstreamGeneratorSchema): DownstreamNames {
  const name = schema.name?.trim() ?? '';
  if (!NAME.test(name))
    throw new Error(`The downstream's name must be kebab-case (like weather or air-quality), got '${schema.name}'`);
  const { className, propertyName, constantName, fileName } = names(name);
  for (const folder of [clientRoot({ fileName }), emulatorRoot({ fileName })]) {
    if (tree.exists(folder)) throw new Error(`${folder} already exists: pick another name, or remove it first`);
  }
  const ports = numericProperties(tree, WORKSPACE_FILES.sandboxPorts, 'SANDBOX_PORTS');
  if (name in ports) throw new Error(`${WORKSPACE_FILES.sandboxPorts}: SANDBOX_PORTS already has '${name}'`);
  const port = schema.port ?? Math.max(FIRST_SANDBOX_PORT - 1, ...Object.values(ports)) + 1;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`--port must be a port number from 1 to 65535, got ${port}`);
  const taken = Object.entries(ports).find(([, used]) => used === port);
  if (taken) throw new Error(`Port ${port} is the ${taken[0]} emulator's: pick another with --port`);
  const scope = schema.scope ?? 'shared';
  if (!SCOPES.includes(scope)) throw new Error(`--scope must be one of ${SCOPES.join(', ')}, got '${scope}'`);
  return {
    name,
    className,
    propertyName,
    constantName,
    fileName,
    projectName: `clients-${fileName}`,
    importPath: `@keel/clients-${fileName}`,
    port,
    scope,
  };
}

function addPathAlias(tree: Tree, options: DownstreamNames): void {
  updateJson(tree, WORKSPACE_FILES.tsconfig, (tsconfig) => {
    const paths = (tsconfig.compilerOptions.paths ??= {});
    if (paths[options.importPath]) throw new Error(`${WORKSPACE_FILES.tsconfig} already maps ${options.importPath}`);
    paths[options.importPath] = [`./${clientRoot(options)}/src/index.ts`];
    return tsconfig;
  });
}

function registerEmulator(tree: Tree, options: DownstreamNames): void {
  const { name, className, propertyName, constantName, fileName, port } = options;
  const starter = `start${className}Emulator`;
  addProperty(tree, WORKSPACE_FILES.sandboxPorts, 'SANDBOX_PORTS', name, String(port));
  addProperty(tree, WORKSPACE_FILES.startUrls, 'SANDBOX_PORTS', name, String(port));
  addImport(tree, WORKSPACE_FILES.sandboxStarters, `import { ${starter} } from './${fileName}/${fileName}.emulator';`);
  addProperty(tree, WORKSPACE_FILES.sandboxStarters, 'STARTERS', name, starter);
  appendLine(
    tree,
    WORKSPACE_FILES.sandboxBarrel,
    `export { ${starter}, ${propertyName}Routes, type ${className}EmulatorOptions } ` +
      `from './${fileName}/${fileName}.emulator';`,
  );
  appendLine(
    tree,
    WORKSPACE_FILES.sandboxBarrel,
    `export { ${constantName}_SEED, type ${className}Seed, type ${className}ItemSeed } ` +
      `from './${fileName}/${fileName}.seed';`,
  );
}

/**
 * Prettier is installed, but without a config its defaults (double quotes, 80 columns) would rewrite
 * every file the generator touched. Format only once the workspace has chosen a style.
 */
async function formatIfConfigured(tree: Tree): Promise<void> {
  const packageJson = tree.exists('package.json')
    ? (JSON.parse(tree.read('package.json', 'utf-8') ?? '{}') as { prettier?: unknown })
    : {};
  if (PRETTIER_CONFIGS.some((file) => tree.exists(file)) || packageJson.prettier !== undefined) await formatFiles(tree);
}

function nextSteps({
  name,
  className,
  constantName,
  importPath,
  port,
  projectName,
  fileName,
}: DownstreamNames): string {
  return [
    `Downstream ${name} created (${importPath}, sandbox emulator on ${port}). Next:`,
    `  1. Replace the sample: ${clientRoot({ fileName })}/src/${fileName}.schemas.ts ` +
      `and ${fileName}.client.ts (and its spec) with the real contract, and ` +
      `${emulatorRoot({ fileName })}/ to answer as the real service does.`,
    `  2. Import ${className}ClientModule in the feature module that calls it (the ` +
      `app needs ResilienceModule.forRoot()),`,
    `     and add downstreamHealth(${constantName}) to PlatformModule.forRoot({ downstreams: [...] }).`,
    `  3. Configure it: ${constantName}_SERVICE_URL (required; npm start sets ` +
      `http://127.0.0.1:${port}, the sandbox, once '${name}' is in the service's ` +
      `sandboxUrls([...]) in tools/start/services.js), ${constantName}_SERVICE_TIMEOUT, ` +
      `_MAX_RETRIES, _RATE_LIMIT, …`,
    `  4. Run its tests: npx nx run-many -t test integration -p ${projectName}; list ` +
      `it in README.md (Layout, Configuration, the sandbox's ports).`,
  ].join('\n');
}
