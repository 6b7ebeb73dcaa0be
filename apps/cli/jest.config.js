// Unit tier: `*.spec.ts`, no PostgreSQL, Redis or build (integration specs: jest.int.config.js).
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.tiers.js').unit,
  displayName: 'cli',
  rootDir: __dirname,
};
