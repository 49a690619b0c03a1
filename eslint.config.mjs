import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/data', '**/migrations/meta'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:client', 'type:platform', 'type:persistence', 'type:util', 'type:sandbox'],
              bannedExternalImports: ['axios', '@nestjs/axios', 'cockatiel', 'undici'],
            },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:client', 'type:client-core', 'type:util'] },
            { sourceTag: 'type:client-core', onlyDependOnLibsWithTags: ['type:resilience', 'type:util'] },
            { sourceTag: 'type:resilience', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['axios', '@nestjs/axios', 'undici'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:client-core', 'type:resilience', 'type:util'] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:sandbox', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@nestjs/*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/testing.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
];
