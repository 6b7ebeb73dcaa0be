export * from './baseline/baseline-content';
export { parseBaselineContent, type ParseBaselineResult } from './baseline/parse-baseline-content';
export { baselineContentHash, canonicalJson } from './baseline/content-hash';
export * from './baseline/load-baseline-dir';
export { InvalidBaselineError } from './baseline/invalid-baseline-error';
export * from './findings/drift-finding';
export { InvalidReferenceError, type ReferenceRow } from './connectivity/connectivity-widening';
export { computeDrift, type DriftOptions } from './drift/compute-drift';
export { canonicalPolicy, type CanonicalPolicy } from './policy/canonical-policy';
export {
  canonicalClusterPolicy,
  clusterPolicyDifferences,
  type CanonicalClusterPolicy,
} from './policy/canonical-cluster-policy';
export { clusterPolicyKey } from './baseline/parse-cluster-policies';
export {
  diffBaselineContents,
  type ConnectivityChange,
  type VersionDiff,
} from './diff/version-diff';
export { previewPromotion } from './diff/promotion-preview';
