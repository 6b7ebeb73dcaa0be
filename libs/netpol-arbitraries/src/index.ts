export {
  CLUSTER_POLICY_ACTIONS,
  clusterPoliciesArbitrary,
  clusterPolicyArbitrary,
  podSelectionArbitrary,
  type ClusterPolicyCount,
  type ClusterPolicyKind,
  type ClusterPolicyVocabulary,
} from './cluster-policy';
export {
  clusterPortObject,
  clusterPortsArbitrary,
  type ClusterPolicyVersion,
  type ClusterPortItem,
  type ClusterPorts,
  type ClusterPortVocabulary,
} from './cluster-ports';
export { evaluationOptionsArbitrary, type EvaluationChoices } from './evaluation-options';
export { mutateAt } from './mutate';
export {
  networkPolicyObject,
  networkPolicyPeerArbitrary,
  networkPolicyRuleArbitrary,
  networkPolicySpecArbitrary,
  policyTypesArbitrary,
  type NetworkPolicySpecParts,
  type RuleSize,
} from './network-policy';
export {
  labelsArbitrary,
  NAMESPACE_NAME_LABEL,
  requirementArbitrary,
  selectorArbitrary,
  type LabelVocabulary,
  type SelectorSize,
} from './selector';
export { tupleOf } from './tuple-of';
