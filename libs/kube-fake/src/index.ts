export * from './fake-kube-api';
export * from './cluster-fixture';
export * from './owner-chain-fixture';
export * from './node-fixture';
