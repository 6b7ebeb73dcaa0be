// Integration tier: `*.int-spec.ts` against the real services (unit specs: jest.config.js).
// Repository tests run against the real PostgreSQL.
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.tiers.js').integration,
  displayName: 'data-access:int',
  rootDir: __dirname,
  testTimeout: 30000,
};
