export { Database } from './database';
export { DataAccessError, type DataAccessErrorCode } from './data-access-error';
export * from './organizations/organization.repository';
export * from './clusters/cluster.repository';
export * from './snapshots/snapshot.repository';
export * from './api-keys/api-key.repository';
export * from './agent-tokens/agent-token.repository';
export * from './audit/audit-event.repository';
export * from './bootstrap/bootstrap-organization';
