// Unit tier: `*.spec.ts`, no PostgreSQL, Redis or build (integration specs: jest.int.config.js).
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.tiers.js').unit,
  displayName: 'worker',
  rootDir: __dirname,
  testTimeout: 30000,
};
