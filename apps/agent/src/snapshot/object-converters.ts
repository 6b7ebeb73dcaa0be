import { controllerView, daemonSetView, nodeView, withKind } from '../kube/object-views';
import type { ObjectConverter } from '../kube/reflector';
import { contributionOf, type ObjectContribution } from './object-contribution';

type Raw = Record<string, unknown>;

/** What CNI detection keeps of a DaemonSet, with the fingerprint that tells changes apart. */
export type DaemonSetValue = { readonly fingerprint: string; readonly object: Raw };

/**
 * Each inventory object becomes its snapshot contribution the moment it is read, from the view
 * the agent keeps of it: ReplicaSets and Jobs as owner-chain links, Nodes as labels and
 * addresses, everything else whole.
 */
export const toContribution: ObjectConverter<ObjectContribution> = (resource, object) => {
  const metadata = (object['metadata'] ?? {}) as Raw;
  const namespace = typeof metadata['namespace'] === 'string' ? `${metadata['namespace']}/` : '';
  const view =
    resource.role === 'chain'
      ? controllerView(resource, object)
      : resource.role === 'node'
        ? nodeView(resource, object)
        : withKind(resource, object);
  return contributionOf(view, `cluster ${resource.kind} ${namespace}${String(metadata['name'])}`);
};

/** DaemonSets feed CNI detection only. */
export const toDaemonSet: ObjectConverter<DaemonSetValue> = (resource, object) => {
  const view = daemonSetView(resource, object);
  return { fingerprint: JSON.stringify(view), object: view };
};
