module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'worker',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Integration tests run the worker against the migrated test database.
  globalSetup: '<rootDir>/../../libs/data-access/test/global-setup.js',
  testTimeout: 30000,
};
