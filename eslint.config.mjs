import nx from '@nx/eslint-plugin';

// Every project carries two tags (README "Nx projects and tags"): `type:` says what layer it is,
// `scope:` which service it belongs to. Both axes must allow an import.
//
// type: dependencies point one way (README ARCHITECTURE): apps → clients/platform/persistence, clients →
// clients-core → resilience. Apps never reach axios, undici or cockatiel themselves: every outbound call
// goes through libs/clients (clients-core included, for its DownstreamError family). Apps use resilience
// only through its barrel (ResilienceModule.forRoot, METRIC_NAMES) and never the sandbox emulators.
const typeConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:client',
      'type:client-core',
      'type:platform',
      'type:persistence',
      'type:util',
      'type:resilience',
    ],
    bannedExternalImports: ['axios', '@nestjs/axios', 'cockatiel', 'undici'],
  },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:client', 'type:client-core', 'type:util'] },
  { sourceTag: 'type:client-core', onlyDependOnLibsWithTags: ['type:resilience', 'type:util'] },
  {
    sourceTag: 'type:resilience',
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: ['axios', '@nestjs/axios', 'undici'],
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:client-core', 'type:resilience', 'type:util'] },
  { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:sandbox', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@nestjs/*'] },
  // apps/sandbox serves the emulators of libs/sandbox, and is the only production code that may.
  { sourceTag: 'type:sandbox-app', onlyDependOnLibsWithTags: ['type:sandbox'] },
  // Deployment checks (docker/) and the Jest tooling have no production code of their own.
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:util'] },
  // Fleet-level e2e suites drive built services from outside, with any test support they need.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
];

// scope: a service and its own clients form a scope; everything any service may use is scope:shared.
// A service (and its clients) depends only on its own scope and shared; shared only on shared.
const SERVICE_SCOPES = ['scope:download', 'scope:chat', 'scope:project', 'scope:media'];
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...SERVICE_SCOPES.map((scope) => ({ sourceTag: scope, onlyDependOnLibsWithTags: [scope, 'scope:shared'] })),
  // The fleet (docker/, tools/start, tools/replicas) runs every service together.
  { sourceTag: 'scope:fleet', onlyDependOnLibsWithTags: ['*'] },
];

const productionConstraints = [...typeConstraints, ...scopeConstraints];

// Tests may also start sandbox emulators and inspect the policies and the shell they run under
// (the scope axis stays as strict in tests as in production).
const testConstraints = [
  ...typeConstraints.map((c) =>
    c.sourceTag === 'type:sandbox'
      ? c
      : {
          ...c,
          onlyDependOnLibsWithTags: [
            ...new Set([
              ...c.onlyDependOnLibsWithTags,
              'type:sandbox',
              'type:resilience',
              'type:platform',
              'type:client-core',
              'type:persistence',
            ]),
          ],
        },
  ),
  ...scopeConstraints,
];

// Tests, test support and fixtures: looser boundaries, and they may read and set the environment.
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/testing.ts',
  '**/testing/**/*.ts',
  '**/test/**/*.ts',
  '**/test-fixtures/**/*.ts',
];

// Configuration modules, the only production files that read process.env: `<name>.config.ts`,
// `<name>.settings.ts`, `<name>.options.ts`, or any file under a `config/` folder. Each exports a
// function taking `env = process.env` and returning typed, validated values; everything else receives
// those values (a provider's factory, a constructor, a parameter), so a test or a caller can pass its own.
const CONFIG_FILES = ['**/*.config.ts', '**/*.settings.ts', '**/*.options.ts', '**/config/**/*.ts'];

const boundaries = (depConstraints) => ({ enforceBuildableLibDependency: true, allow: [], depConstraints });

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/data', '**/migrations/meta'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(productionConstraints)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier wraps code at 120 columns but leaves comments, strings and template literals alone.
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      // Production code reaches a lib through its barrel; `@keel/<lib>/testing` is test support.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@keel/*/testing', '@keel/*/testing/*', '@keel/*/src/*'],
              message:
                'Production code imports a lib through its barrel (@keel/<lib>); /testing entry points are for tests.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, ...CONFIG_FILES],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Read the environment only in a config module (*.config.ts, *.settings.ts, *.options.ts or config/); pass the values in.',
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(testConstraints)],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
];
