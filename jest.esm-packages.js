// @kubernetes/client-node and a few of its dependencies ship ES modules only; ts-jest
// transpiles them (allowJs in the project's tsconfig.spec.json) instead of jest refusing
// `import`. Projects that load client-node spread this into their jest config.
const esmOnly = [
  '@kubernetes/client-node',
  'openid-client',
  'oauth4webapi',
  'jose',
  'socks-proxy-agent',
  'agent-base',
  'js-yaml',
  'jsonpath-plus',
  'rfc4648',
];

module.exports = {
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};
