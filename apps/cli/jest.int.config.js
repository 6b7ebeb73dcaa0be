// Integration tier: `*.int-spec.ts` against the real services (unit specs: jest.config.js).
// The admin commands' tests use the migrated test database.
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.tiers.js').integration,
  displayName: 'cli:int',
  rootDir: __dirname,
};
