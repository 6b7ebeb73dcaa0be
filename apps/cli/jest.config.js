module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'cli',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // The admin commands' tests use the migrated test database.
  globalSetup: '<rootDir>/../../libs/data-access/test/global-setup.js',
};
