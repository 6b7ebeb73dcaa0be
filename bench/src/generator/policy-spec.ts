import type { InventorySnapshot } from '@fenceline/contracts';
import type { ClusterLayout } from './layout';
import type { Random } from './random';

export type SnapshotPolicy = InventorySnapshot['policies'][number];
/** A NetworkPolicy `spec` as written in a manifest. */
export type PolicySpec = Record<string, unknown>;

export interface PolicyContext {
  readonly rng: Random;
  readonly layout: ClusterLayout;
}

const NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * A peer that is one app of one system namespace: namespaceSelector and podSelector in the same
 * element, so they AND.
 *
 * @example systemPeer('kube-system', { 'k8s-app': 'kube-dns' })
 */
export function systemPeer(namespace: string, labels: Record<string, string>): PolicySpec {
  return {
    namespaceSelector: { matchLabels: { [NAME_LABEL]: namespace } },
    podSelector: { matchLabels: labels },
  };
}
