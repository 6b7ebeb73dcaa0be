// The three test tiers (README "Tests"), so each project's jest configs name their files the same
// way: unit specs run without PostgreSQL, Redis or a build; integration specs against the real
// services, on a test database migrated once per run; end-to-end specs (test/) drive built apps.
const path = require('node:path');

/** `*.spec.ts` beside the code and under the project's `test/` folder. */
const unit = {
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};

/** `*.int-spec.ts`: the test database is migrated before the first one runs. */
const integration = {
  testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: path.join(__dirname, 'libs/data-access/test/global-setup.js'),
};

module.exports = { unit, integration };
