export * from './snapshot/snapshot.schema';
export * from './snapshot/create-snapshot';
export * from './snapshot/snapshot-objects';
export * from './snapshot/parse-snapshot';
export * from './snapshot/content-hash';
export * from './snapshot/expand-documents';
export * from './queues/queues';
export * from './config/service-env';
