import type { Framework } from '../framework/types';

/** CIS Kubernetes Benchmark v1.9, the network-policy control. */
export const CIS_K8S: Framework = {
  id: 'cis-k8s',
  version: '1.9',
  title: 'CIS Kubernetes Benchmark v1.9 — network policies',
  controls: [
    {
      id: '5.3.2',
      title: 'All namespaces have network policies defined',
      severity: 'medium',
      check: 'namespaces-have-policies',
      description:
        'Every namespace except kube-system, kube-public and kube-node-lease has at least one NetworkPolicy.',
      references: ['CIS Kubernetes Benchmark v1.9 5.3.2'],
    },
  ],
};
