// Unit tier only: this library has no integration specs.
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.tiers.js').unit,
  displayName: 'reports',
  rootDir: __dirname,
};
