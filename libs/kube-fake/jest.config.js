// Unit tier only: the fake API server's own specs (it listens on 127.0.0.1, needs no services).
module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.esm-packages.js'),
  ...require('../../jest.tiers.js').unit,
  displayName: 'kube-fake',
  rootDir: __dirname,
  testTimeout: 30000,
};
