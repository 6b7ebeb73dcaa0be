// Integration tier: `*.int-spec.ts` (unit specs: jest.config.js). The agent runs against a fake
// Kubernetes API server and a recording ingest: no database, so no migration first.
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.esm-packages.js'),
  testMatch: require('../../jest.tiers.js').integration.testMatch,
  displayName: 'agent:int',
  rootDir: __dirname,
  testTimeout: 30000,
};
