module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'data-access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Integration tests run against the real PostgreSQL: migrate a test database first.
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
};
