/**
 * The module boundaries, checked in CI (`npm run check:boundaries`). See README, "Architecture".
 * A module reaches another only through its public surface, `src/modules/<name>/index.ts`.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: "A module imports another module only through that module's index.ts (its public surface).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index[.]ts$'] },
    },
    {
      name: 'composition-roots-use-index',
      comment: 'The server, main and the command line use modules through their index.ts, and the module list. (Benchmarks may rebuild internal statements as their baselines.)',
      severity: 'error',
      from: { path: '^(src/(server|main)[.]ts|src/cli/)' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index[.]ts$' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, within a module or between modules.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'The platform (and the database layer, but for the table types and the module list it loads at run time) knows no module.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-know-no-composition-root',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^(src/(server|main)[.]ts|src/cli/)' },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'Test kits live in test/support, not in src/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '[.]test[.]ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^web/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
