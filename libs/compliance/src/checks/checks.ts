import { adminAcceptOverrides } from './admin-override-check';
import type { CheckId } from './check-id';
import type { Check } from './check-outcome';
import { cniEnforcement } from './cni-enforcement';
import { dnsEgress } from './dns-egress';
import { internetExposure } from './internet-exposure';
import { isolationCheck } from './isolation';
import { namespaceDefaultDeny } from './namespace-default-deny';
import { namespaceIsolation } from './namespace-isolation';
import { namespacesHavePolicies } from './namespaces-have-policies';
import { overBroadRules } from './over-broad-rules';
import { pciAdminAcceptIntoCde } from './pci/admin-override-cde';
import { pciChangeControl, pciReviewInterval } from './pci/change-control';
import {
  pciCdeInbound,
  pciCdeOutbound,
  pciFlowsIdentified,
  pciSegmentation,
  pciUntrustedInbound,
} from './pci/flow-controls';
import { pciUntrustedNsc } from './pci/untrusted-nsc';
import { policiesSelectingNothing } from './policies-selecting-nothing';
import { rulesMatchingNothing } from './rules-matching-nothing';
import { unresolvedNamedPorts } from './unresolved-named-ports';

/** The check behind each {@link CheckId}: controls name checks, this table runs them. */
export const CHECKS: Readonly<Record<CheckId, Check>> = {
  'ingress-isolation': isolationCheck('ingress'),
  'egress-isolation': isolationCheck('egress'),
  'dns-egress': dnsEgress,
  'namespace-isolation': namespaceIsolation,
  'over-broad-rules': overBroadRules,
  'internet-exposure': internetExposure,
  'policies-selecting-nothing': policiesSelectingNothing,
  'rules-matching-nothing': rulesMatchingNothing,
  'unresolved-named-ports': unresolvedNamedPorts,
  'cni-enforcement': cniEnforcement,
  'pci-change-control': pciChangeControl,
  'pci-cde-flows-identified': pciFlowsIdentified,
  'pci-review-interval': pciReviewInterval,
  'pci-cde-inbound': pciCdeInbound,
  'pci-cde-outbound': pciCdeOutbound,
  'pci-untrusted-nsc': pciUntrustedNsc,
  'pci-untrusted-inbound': pciUntrustedInbound,
  'pci-segmentation': pciSegmentation,
  'namespaces-have-policies': namespacesHavePolicies,
  'namespace-default-deny-ingress': namespaceDefaultDeny('ingress'),
  'namespace-default-deny-egress': namespaceDefaultDeny('egress'),
  'admin-accept-overrides': adminAcceptOverrides,
  'pci-admin-accept-into-cde': pciAdminAcceptIntoCde,
};
