export * from './errors/object-ref';
export * from './errors/validation-issue';
export * from './errors/issue-sink';
export * from './raw/canonical-json';
export * from './cidr/ip-address';
export * from './cidr/cidr';
export * from './cidr/ip-set';
export * from './ports/protocol';
export * from './ports/port-set';
export * from './ports/connection-set';
export * from './ports/dns-ports';
export * from './selector/label-selector';
export * from './selector/label-syntax';
export * from './policy/network-policy';
export * from './cluster/cluster-policy';
export { parseNetworkPolicy, type ParseResult } from './policy/parse-network-policy';
export * from './inventory/inventory';
export { buildInventory, type SourcedObject } from './inventory/build-inventory';
export { TEMPLATE_ANNOTATION } from './inventory/parse-pod';
export { groupPods, podShapeKey } from './inventory/pod-shape';
export { NODE_ADDRESS_TYPES } from './inventory/parse-node';
export { CHAIN_KINDS, chainLinksOfPods, METADATA_ONLY_ANNOTATION } from './inventory/owner-chain';
export * from './load/parse-documents';
export * from './load/load-paths';
export * from './reference/traffic';
export * from './reference/evaluate';
export { allowedConnections } from './reference/allowed-connections';
export * from './connlist/connlist';
export * from './connlist/external-atoms';
export * from './connlist/peer-names';
export * from './diff/connectivity-diff';
export * from './diff/reference-diff';
export * from './explain/resolve-peer';
export * from './explain/explain';
export { portConnections } from './reference/port-connections';
export * from './reference/tiered-direction';
export { selectionMatchesPod, clusterPeerMatches, tierPolicies } from './reference/cluster-match';
export { parseClusterPolicy } from './cluster/parse-cluster-policy';
export { resolveNodePeers } from './cluster/resolve-nodes';
export { policySelectsPod, peerMatches } from './reference/peer-match';
export { inventoryWarnings } from './inventory/inventory-warnings';
export * from './model/reachability-model';
export { diffModels } from './model/model-diff';
export { ModelRows } from './model/model-connlist';
export { vocabularyOf, type Vocabulary } from './model/vocabulary';
export { referenceCoverage } from './reference/coverage';
export * from './cluster/cluster-findings';
export * from './reference/default-deny';
export type { Coverage } from './model/model-coverage';
export type {
  ClusterRuleExplanation,
  FqdnRuleExplanation,
  TierExplanation,
} from './explain/explain-tiers';
export type { ChainExplanation } from './explain/explain-chain';
export type { ChainVerdict, ChainDecision, ChainRuleRef } from './chain/evaluate-chain';
export type { ChainDirection, ChainTierOutcome, ChainRuleMatch } from './chain/chain-direction';
export type {
  PolicyChain,
  ChainTier,
  ChainPolicy,
  ChainRule,
  ChainAction,
} from './chain/policy-chain';
export { policyChainOf } from './chain/chain-of';
export type {
  CalicoObjects,
  CalicoPolicy,
  CalicoTier,
  CalicoNetworkSet,
  CalicoRule,
} from './cni/calico/calico-objects';
export { isCniObjectKind, type CniObject } from './cni/cni-collectors';
export { chosenCni, cniWarnings, EVALUATED_CNIS, type EvaluatedCni } from './chain/cni-choice';
export type {
  AntreaObjects,
  AntreaPolicy,
  AntreaRule,
  AntreaTier,
  AntreaGroup,
  AntreaSelection,
  AntreaNote,
} from './cni/antrea/antrea-objects';
export { ANTREA_STATIC_TIERS } from './cni/antrea/antrea-tiers';
export type {
  CiliumObjects,
  CiliumPolicy,
  CiliumPolicySpec,
  CiliumRule,
  CiliumPeer,
  CiliumPortRule,
  CiliumCidrGroup,
  CiliumEntity,
} from './cni/cilium/cilium-objects';
export { CILIUM_TIERS } from './cni/cilium/cilium-tiers';
