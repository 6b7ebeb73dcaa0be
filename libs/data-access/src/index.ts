export { Database } from './database';
export {
  CorruptDataError,
  DataAccessError,
  type DataAccessErrorCode,
  type StoredField,
} from './data-access-error';
export * from './organizations/organization.repository';
export * from './clusters/cluster.repository';
export * from './snapshots/snapshot.repository';
export * from './snapshots/latest-analyses';
export * from './snapshots/snapshot-inventory';
export * from './nest/data-access.module';
export * from './nest/event-publisher';
export * from './nest/sealed-webhook-repository';
export * from './nest/health-checks';
export * from './api-keys/api-key.repository';
export * from './agent-tokens/agent-token.repository';
export * from './audit/audit-event.repository';
export * from './bootstrap/bootstrap-organization';
export * from './baselines/baseline.repository';
export * from './baselines/promotion.repository';
export * from './drift/drift-alert.repository';
export * from './drift/connectivity-reference.repository';
export * from './webhooks/webhook.repository';
export * from './webhooks/secret-box';
export * from './compliance/waiver.repository';
export * from './compliance/compliance-result.repository';
export * from './compliance/evidence-pack.repository';
export * from './compliance/compliance-reports';
export * from './pagination/page';
export * from './retention/retention.repository';
export * from './webhooks/webhook-pages';
export type {
  Actor,
  Environment,
  NewPromotion,
  Pin,
  Promotion,
  PromotionFilter,
  PromotionStatus,
  StoredClusterPreview,
} from './baselines/promotion.model';
