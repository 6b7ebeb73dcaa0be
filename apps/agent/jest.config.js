// Unit tier: `*.spec.ts`, no PostgreSQL, Redis or build (integration specs: jest.int.config.js).
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.esm-packages.js'),
  ...require('../../jest.tiers.js').unit,
  displayName: 'agent',
  rootDir: __dirname,
  testTimeout: 30000,
};
