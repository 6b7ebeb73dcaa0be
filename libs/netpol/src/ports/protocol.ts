/**
 * The protocols a NetworkPolicy port can name. Sorted as the connectivity-list notation sorts them.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

export type Protocol = (typeof PROTOCOLS)[number];

export function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}
