import type { IssueSink } from '../errors/issue-sink';
import type { ObjectRef } from '../errors/object-ref';
import { isRawObject, type RawObject } from '../raw/read-field';
import type { ControllerLink, Pod, WorkloadNaming, WorkloadRef } from './inventory';
import { controllerOf } from './parse-pod';

/** The kinds whose objects link a pod's controller to the controller above it. */
export const CHAIN_KINDS: ReadonlySet<string> = new Set(['ReplicaSet', 'Job']);

/**
 * Annotation of a ReplicaSet or Job that stands only for its link in the owner chain (what the
 * agent and snapshots carry): it has no template, so it adds no pod of its own.
 */
export const METADATA_ONLY_ANNOTATION = 'fenceline.dev/metadata-only';

/** Whether a ReplicaSet or Job object is a metadata-only link (see {@link METADATA_ONLY_ANNOTATION}). */
export function isMetadataOnly(object: RawObject): boolean {
  const metadata = object['metadata'];
  const annotations = isRawObject(metadata) ? metadata['annotations'] : undefined;
  return isRawObject(annotations) && annotations[METADATA_ONLY_ANNOTATION] === 'true';
}

/**
 * The owner-chain link of a ReplicaSet or Job: its controller owner, if any.
 * See https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/
 */
export function parseControllerLink(
  sink: IssueSink,
  object: RawObject,
  ref: ObjectRef,
  namespace: string,
): ControllerLink | undefined {
  const metadata = isRawObject(object['metadata']) ? object['metadata'] : {};
  const owner = controllerOf(sink, metadata, namespace);
  if (!owner) return undefined;
  return {
    ref,
    kind: ref.kind,
    namespace,
    name: ref.name,
    owner: { kind: owner.kind, name: owner.name },
  };
}

const keyOf = (w: { readonly kind: string; readonly namespace: string; readonly name: string }) =>
  `${w.kind}/${w.namespace}/${w.name}`;

/**
 * Names pods as `naming` asks. `top`: each pod's controller is followed up the links as far as
 * they go (a missing link stops there: the pod keeps its direct owner). A template pod of an
 * owned workload (a ReplicaSet listed beside its Deployment) is left out when the top controller
 * has a template pod of its own: both would stand for the same pods.
 *
 * @example resolveWorkloads(pods, links, 'top')[0]?.workload // { kind: 'Deployment', namespace: 'shop', name: 'web' }
 */
export function resolveWorkloads(
  pods: readonly Pod[],
  links: readonly ControllerLink[],
  naming: WorkloadNaming,
): Pod[] {
  if (naming === 'direct' || links.length === 0) return [...pods];
  const owners = new Map(links.map((l) => [keyOf(l), l]));
  // One ref per top workload: names are cached per ref (see workloadName).
  const tops = new Map<string, WorkloadRef>();
  const resolved = pods.map((pod) => {
    const top = topOf(pod.workload, owners);
    if (top === pod.workload) return pod;
    const key = keyOf(top);
    let shared = tops.get(key);
    if (!shared) tops.set(key, (shared = top));
    return { ...pod, workload: shared, directWorkload: pod.workload };
  });
  const ownTemplates = new Set(
    resolved.filter((p) => p.fromTemplate && !p.directWorkload).map((p) => keyOf(p.workload)),
  );
  return resolved.filter(
    (p) => !(p.fromTemplate && p.directWorkload && ownTemplates.has(keyOf(p.workload))),
  );
}

function topOf(start: WorkloadRef, owners: ReadonlyMap<string, ControllerLink>): WorkloadRef {
  let current = start;
  const seen = new Set<string>();
  for (;;) {
    const key = keyOf(current);
    const link = owners.get(key);
    // A cycle cannot exist in a real cluster (the garbage collector breaks it); stop anyway.
    if (!link || seen.has(key)) return current;
    seen.add(key);
    current = { kind: link.owner.kind, namespace: current.namespace, name: link.owner.name };
  }
}

/**
 * The links on the owner chains of the inventory's pods (from each pod's own controller up), in
 * the order of `links`: what a snapshot must carry to name its pods by their top controller.
 * Links no pod reaches (old ReplicaSets of a Deployment) are left out.
 *
 * @example chainLinksOfPods(inventory.pods, inventory.controllers).map((l) => l.name) // ['web-5c6d8f']
 */
export function chainLinksOfPods(
  pods: readonly Pod[],
  links: readonly ControllerLink[],
): ControllerLink[] {
  const owners = new Map(links.map((l) => [keyOf(l), l]));
  const used = new Set<ControllerLink>();
  for (const pod of pods) {
    let current: WorkloadRef = pod.directWorkload ?? pod.workload;
    for (;;) {
      const link = owners.get(keyOf(current));
      if (!link || used.has(link)) break;
      used.add(link);
      current = { kind: link.owner.kind, namespace: current.namespace, name: link.owner.name };
    }
  }
  return links.filter((l) => used.has(l));
}
