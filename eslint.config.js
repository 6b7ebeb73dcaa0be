// Module boundaries (STYLE.md): domain libs depend only on domain; contracts on domain;
// data-access on domain and contracts; apps on anything below them; test doubles and generators
// (type:testing) only from tests of apps and domain libs. Source files stay under 300 lines (tests
// excepted).
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

/** Test files: specs of every tier, `test/` folders, and the agent's footprint bench. */
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  'apps/agent/bench/**/*.ts',
];

const depConstraints = (testsMayUseTesting) => [
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', ...(testsMayUseTesting ? ['type:testing'] : [])],
  },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access'],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:data-access',
      'type:reporting',
      ...(testsMayUseTesting ? ['type:testing'] : []),
    ],
  },
  // Export formats (JSON, CSV, PolicyReport, OSCAL, PDF, evidence packs) over domain results.
  {
    sourceTag: 'type:reporting',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
  },
  // Test doubles (a fake Kubernetes API server) and generators (fast-check arbitraries) depend on
  // nothing of ours: netpol's own tests use the generators, so importing netpol would be a cycle.
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
];

const boundaries = (testsMayUseTesting) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    banTransitiveDependencies: true,
    allow: [],
    depConstraints: depConstraints(testsMayUseTesting),
  },
];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/coverage', '.nx', 'tmp', '**/src/generated/**'] },
  { files: ['**/*.ts'], rules: { '@nx/enforce-module-boundaries': boundaries(false) } },
  // Only tests may import type:testing libraries (libs/kube-fake, libs/netpol-arbitraries).
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': boundaries(true) } },
  {
    files: ['**/*.ts', '**/*.js'],
    ignores: TEST_FILES,
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
