// Integration tier: `*.int-spec.ts` against the real services (unit specs: jest.config.js).
// Integration tests run the worker against the migrated test database and the shared Redis.
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.tiers.js').integration,
  displayName: 'worker:int',
  rootDir: __dirname,
  testTimeout: 30000,
};
