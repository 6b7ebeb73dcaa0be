// Shared jest settings: ts-jest over each project's tsconfig.spec.json, and the workspace path
// aliases mapped onto the libraries' sources so tests never need a build first.
const path = require('node:path');

const aliases = {
  '^@fenceline/netpol$': path.join(__dirname, 'libs/netpol/src/index.ts'),
  '^@fenceline/drift$': path.join(__dirname, 'libs/drift/src/index.ts'),
  '^@fenceline/compliance$': path.join(__dirname, 'libs/compliance/src/index.ts'),
  '^@fenceline/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
  '^@fenceline/data-access$': path.join(__dirname, 'libs/data-access/src/index.ts'),
  '^@fenceline/kube-fake$': path.join(__dirname, 'libs/kube-fake/src/index.ts'),
  '^@fenceline/netpol-arbitraries$': path.join(__dirname, 'libs/netpol-arbitraries/src/index.ts'),
  '^@fenceline/reports$': path.join(__dirname, 'libs/reports/src/index.ts'),
};

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: aliases,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
};
