/** Every check a control can name; frameworks refer to checks by these ids. */
export const CHECK_IDS = [
  'ingress-isolation',
  'egress-isolation',
  'dns-egress',
  'namespace-isolation',
  'over-broad-rules',
  'internet-exposure',
  'policies-selecting-nothing',
  'rules-matching-nothing',
  'unresolved-named-ports',
  'cni-enforcement',
  'pci-change-control',
  'pci-cde-flows-identified',
  'pci-review-interval',
  'pci-cde-inbound',
  'pci-cde-outbound',
  'pci-untrusted-nsc',
  'pci-untrusted-inbound',
  'pci-segmentation',
  'namespaces-have-policies',
  'namespace-default-deny-ingress',
  'namespace-default-deny-egress',
  'admin-accept-overrides',
  'pci-admin-accept-into-cde',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
