import type { Framework } from '../framework/types';

const PCI = 'PCI DSS v4.0.1';

/** PCI DSS v4.0.1 requirement 1 (network security controls) and 11.4.5 (segmentation testing). */
export const PCI_DSS: Framework = {
  id: 'pci-dss',
  version: '4.0.1',
  title: 'PCI DSS v4.0.1 — network security controls and segmentation',
  controls: [
    {
      id: '1.2.2',
      title: 'Changes to NSCs are approved',
      severity: 'medium',
      check: 'pci-change-control',
      description:
        'All changes to network connections and to configurations of NSCs are approved and managed in accordance with the change control process.',
      references: [`${PCI} 1.2.2`],
    },
    {
      id: '1.2.5',
      title: 'Allowed services, protocols and ports are identified',
      severity: 'high',
      check: 'pci-cde-flows-identified',
      description:
        'All services, protocols, and ports allowed into and out of the CDE are identified and declared.',
      references: [`${PCI} 1.2.5`],
    },
    {
      id: '1.2.7',
      title: 'NSC configurations reviewed every six months',
      severity: 'medium',
      check: 'pci-review-interval',
      description: 'Configurations of NSCs are reviewed at least once every six months.',
      references: [`${PCI} 1.2.7`],
    },
    {
      id: '1.3.1',
      title: 'Inbound traffic to the CDE is restricted',
      severity: 'critical',
      check: 'pci-cde-inbound',
      description:
        'Inbound traffic to the CDE is restricted to only traffic that is necessary (cdeAllowed.inbound).',
      references: [`${PCI} 1.3.1`],
    },
    {
      id: '1.3.1-admin',
      title: 'Inbound traffic to the CDE is not opened by cluster-admin overrides',
      severity: 'critical',
      check: 'pci-admin-accept-into-cde',
      description:
        "No Admin-tier Accept (Allow) rule of a cluster-scoped policy opens connections from outside the CDE that the CDE's own NetworkPolicies deny.",
      references: [`${PCI} 1.3.1`, 'https://network-policy-api.sigs.k8s.io/reference/spec/'],
    },
    {
      id: '1.3.2',
      title: 'Outbound traffic from the CDE is restricted',
      severity: 'critical',
      check: 'pci-cde-outbound',
      description:
        'Outbound traffic from the CDE is restricted to only traffic that is necessary (cdeAllowed.outbound).',
      references: [`${PCI} 1.3.2`],
    },
    {
      id: '1.4.1',
      title: 'NSCs between trusted and untrusted networks',
      severity: 'high',
      check: 'pci-untrusted-nsc',
      description:
        'Every CDE workload is isolated for ingress and egress, so a control stands between it and untrusted networks.',
      references: [`${PCI} 1.4.1`],
    },
    {
      id: '1.4.2',
      title: 'Inbound traffic from untrusted networks is restricted',
      severity: 'critical',
      check: 'pci-untrusted-inbound',
      description:
        'The CDE is not reachable from outside the cluster (external addresses, the ingress controller) except through declared flows.',
      references: [`${PCI} 1.4.2`],
    },
    {
      id: '11.4.5',
      title: 'Segmentation isolates the CDE',
      severity: 'critical',
      check: 'pci-segmentation',
      description: 'No workload outside the CDE can reach it beyond the declared inbound flows.',
      references: [`${PCI} 11.4.5`],
    },
  ],
};
