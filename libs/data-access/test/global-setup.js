// Creates the test database if needed and applies the committed migrations to it, with the
// same offline schema engine the application uses (tools/prisma-schema-engine.js).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  const root = join(__dirname, '../../..');
  const url =
    process.env.FENCELINE_TEST_DATABASE_URL ??
    'postgresql://postgres@127.0.0.1:5432/fenceline_test';
  process.env.FENCELINE_TEST_DATABASE_URL = url;
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
};
