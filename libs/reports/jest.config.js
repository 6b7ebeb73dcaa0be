module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'reports',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
