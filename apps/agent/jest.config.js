module.exports = {
  ...require('../../jest.preset.js'),
  ...require('../../jest.esm-packages.js'),
  displayName: 'agent',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 30000,
};
