module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.esm-packages.js'),
  displayName: 'kube-fake',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 30000,
};
