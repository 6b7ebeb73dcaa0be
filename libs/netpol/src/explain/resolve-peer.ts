import { parseIp } from '../cidr/ip-address';
import { INGRESS_CONTROLLER_PEER, workloadName } from '../connlist/peer-names';
import type { Inventory, Pod } from '../inventory/inventory';
import { INGRESS_CONTROLLER_POD, type Endpoint } from '../reference/traffic';

/** A peer named on the command line or in an API query, resolved to what it stands for. */
export interface ResolvedPeer {
  readonly name: string;
  /** Every pod of the workload (one for a pod or the ingress controller); empty for external. */
  readonly pods: readonly Pod[];
  readonly endpoint: Endpoint;
}

/** Thrown when a peer name matches nothing or more than one thing. */
export class PeerNotFoundError extends Error {
  constructor(
    readonly peer: string,
    detail: string,
  ) {
    super(`peer ${JSON.stringify(peer)}: ${detail}`);
    this.name = 'PeerNotFoundError';
  }
}

const WORKLOAD = /^([^/\s]+)\/([^/[\s]+)\[([A-Za-z]+)\]$/;
const POD = /^([^/\s]+)\/([^/[\s]+)$/;
const EXTERNAL_RANGE = /^([^-\s]+)-([^\s[]+)\[External\]$/;

/**
 * Resolves `ns/name[Kind]` (a workload), `ns/name` (a pod or a workload of any kind), an IP
 * address (the pod with that IP, else an external address), `a-b[External]` (its first
 * address) or `{ingress-controller}`.
 *
 * @example resolvePeer(inventory, 'shop/web[Deployment]').pods.length
 */
export function resolvePeer(inventory: Inventory, text: string): ResolvedPeer {
  const peer = text.trim();
  if (peer === INGRESS_CONTROLLER_PEER) {
    return {
      name: peer,
      pods: [INGRESS_CONTROLLER_POD],
      endpoint: { kind: 'pod', pod: INGRESS_CONTROLLER_POD },
    };
  }
  const range = EXTERNAL_RANGE.exec(peer);
  const ip = parseIp(range ? (range[1] as string) : peer);
  if (ip) {
    const pod = inventory.pods.find((p) =>
      p.ips.some((a) => a.family === ip.family && a.value === ip.value),
    );
    if (pod && !range) return fromPods(`${pod.namespace}/${pod.name}`, [pod]);
    return { name: peer, pods: [], endpoint: { kind: 'external', ip } };
  }
  const workload = WORKLOAD.exec(peer);
  if (workload) {
    const pods = inventory.pods.filter((p) => workloadName(p.workload) === peer);
    if (pods.length === 0) throw new PeerNotFoundError(peer, 'no such workload');
    return fromPods(peer, pods);
  }
  const pod = POD.exec(peer);
  if (!pod)
    throw new PeerNotFoundError(
      peer,
      'expected ns/name, ns/name[Kind], an IP address or {ingress-controller}',
    );
  const [, namespace, name] = pod;
  const exact = inventory.pods.filter(
    (p) => !p.fromTemplate && p.namespace === namespace && p.name === name,
  );
  if (exact.length === 1) return fromPods(peer, exact);
  const byWorkload = new Map<string, Pod[]>();
  for (const p of inventory.pods) {
    if (p.workload.namespace !== namespace || p.workload.name !== name) continue;
    const key = workloadName(p.workload);
    byWorkload.set(key, [...(byWorkload.get(key) ?? []), p]);
  }
  if (byWorkload.size === 1) {
    const [[key, pods]] = [...byWorkload.entries()] as [[string, Pod[]]];
    return fromPods(key, pods);
  }
  if (byWorkload.size > 1)
    throw new PeerNotFoundError(peer, `ambiguous: ${[...byWorkload.keys()].join(', ')}`);
  throw new PeerNotFoundError(peer, 'no such pod or workload');
}

function fromPods(name: string, pods: Pod[]): ResolvedPeer {
  return { name, pods, endpoint: { kind: 'pod', pod: pods[0] as Pod } };
}
