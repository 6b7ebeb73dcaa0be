// Unit tier only: the generators' own specs (no services, no other project of ours).
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.tiers.js').unit,
  displayName: 'netpol-arbitraries',
  rootDir: __dirname,
};
