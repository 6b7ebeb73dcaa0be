// Unit tier only: the generator's and runner's specs.
module.exports = {
  ...require('../jest.preset.js'),
  ...require('../jest.tiers.js').unit,
  displayName: 'bench',
  rootDir: __dirname,
};
