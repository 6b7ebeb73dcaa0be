export * from './fake-kube-api';
export * from './cluster-fixture';
