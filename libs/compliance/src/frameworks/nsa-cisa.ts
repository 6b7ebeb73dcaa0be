import type { Framework } from '../framework/types';

const NSA = 'NSA/CISA Kubernetes Hardening Guidance v1.2, Network separation and hardening';

/** NSA/CISA Kubernetes Hardening Guidance v1.2, network policies. */
export const NSA_CISA: Framework = {
  id: 'nsa-cisa',
  version: '1.2',
  title: 'NSA/CISA Kubernetes Hardening Guidance v1.2 — network policies',
  controls: [
    {
      id: 'NSA-1',
      title: 'Default-deny ingress in every namespace',
      severity: 'high',
      check: 'namespace-default-deny-ingress',
      description:
        'Every namespace has a policy selecting all pods that isolates ingress and does not allow everything.',
      references: [NSA],
    },
    {
      id: 'NSA-2',
      title: 'Default-deny egress in every namespace',
      severity: 'high',
      check: 'namespace-default-deny-egress',
      description:
        'Every namespace has a policy selecting all pods that isolates egress and does not allow everything.',
      references: [NSA],
    },
    {
      id: 'NSA-3',
      title: 'No over-broad rules',
      severity: 'high',
      check: 'over-broad-rules',
      description: 'No rule admits any peer, every address or every namespace.',
      references: [NSA],
    },
  ],
};
