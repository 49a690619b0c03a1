import nx from '@nx/eslint-plugin';

// Dependencies point one way (ARCHITECTURE.md): apps → clients/platform/persistence, clients → clients-core → resilience.
// Apps never reach axios, undici or cockatiel themselves: every outbound call goes through libs/clients
// (clients-core included, for its DownstreamError family).
const productionConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:client', 'type:client-core', 'type:platform', 'type:persistence', 'type:util', 'type:sandbox', 'type:resilience'], bannedExternalImports: ['axios', '@nestjs/axios', 'cockatiel', 'undici'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:client', 'type:client-core', 'type:util'] },
  { sourceTag: 'type:client-core', onlyDependOnLibsWithTags: ['type:resilience', 'type:util'] },
  { sourceTag: 'type:resilience', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['axios', '@nestjs/axios', 'undici'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:client-core', 'type:resilience', 'type:util'] },
  { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:sandbox', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@nestjs/*'] },
  // Fleet-level e2e suites drive built services from outside, with any test support they need.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
];

// Tests may also start sandbox emulators and inspect the policies and the shell they run under.
const testConstraints = productionConstraints.map((c) =>
  c.sourceTag === 'type:sandbox' ? c : { ...c, onlyDependOnLibsWithTags: [...new Set([...c.onlyDependOnLibsWithTags, 'type:sandbox', 'type:resilience', 'type:platform', 'type:client-core', 'type:persistence'])] },
);

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
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/testing.ts', '**/testing/**/*.ts', '**/test/**/*.ts', '**/test-fixtures/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(testConstraints)],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
];
