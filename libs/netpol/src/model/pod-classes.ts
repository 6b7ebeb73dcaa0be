import type { IpAddress } from '../cidr/ip-address';
import type { IpRange } from '../cidr/ip-set';
import { workloadName } from '../connlist/peer-names';
import type { ContainerPort, Inventory, Pod } from '../inventory/inventory';
import { INGRESS_CONTROLLER_POD, type EvaluationOptions } from '../reference/traffic';
import type { Labels } from '../selector/label-selector';
import { usesNamedPort, type Vocabulary } from './vocabulary';

/**
 * Pods that no policy can tell apart: same namespace, same value (or absence) of every label key
 * a selector reads, same resolved named ports, same hostNetwork flag and, when ipBlocks match
 * pods, the same IP atom. The key is derived from that content only, so the classes of two
 * snapshots built over one vocabulary align by key.
 */
export interface PodClass {
  readonly id: number;
  readonly key: string;
  readonly namespace: string;
  /** Labels of a representative pod (equal on every key a selector reads). */
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /**
   * The IP atom of the pods' primary IP when ipBlocks or cluster `networks` match pods: -1 when
   * the pods have no known address (or addresses are not told apart), -2 when it is in no atom.
   */
  readonly ipAtom: number;
  readonly pods: readonly Pod[];
  /** Distinct workload names of the pods, in the connectivity-list notation. */
  readonly workloads: readonly string[];
}

export interface PodClasses {
  /** Sorted by key, so each namespace is a contiguous id range; the ingress controller is last. */
  readonly classes: readonly PodClass[];
  /** `[first, end)` class ids per namespace. */
  readonly namespaceRanges: ReadonlyMap<string, readonly [number, number]>;
  readonly ingressControllerId: number;
}

export function buildPodClasses(
  inventory: Inventory,
  vocabulary: Vocabulary,
  ipAtoms: readonly IpRange[],
  options: EvaluationOptions,
): PodClasses {
  const groups = new Map<string, Pod[]>();
  for (const pod of inventory.pods) {
    const key = classKey(pod, vocabulary, ipAtoms, options);
    const group = groups.get(key);
    if (group) group.push(pod);
    else groups.set(key, [pod]);
  }
  const keys = [...groups.keys()].sort();
  const classes: PodClass[] = [];
  const namespaceRanges = new Map<string, [number, number]>();
  keys.forEach((key, id) => {
    const pods = groups.get(key) as Pod[];
    const first = pods[0] as Pod;
    const ipAtom = matchesIps(options, vocabulary) ? podIpAtom(first, ipAtoms) : -1;
    classes.push(makeClass(id, key, pods, first, ipAtom));
    const range = namespaceRanges.get(first.namespace);
    if (range) range[1] = id + 1;
    else namespaceRanges.set(first.namespace, [id, id + 1]);
  });
  const controllerId = classes.length;
  const controller = INGRESS_CONTROLLER_POD;
  classes.push(makeClass(controllerId, `\u0000${controller.id}`, [controller], controller, -1));
  namespaceRanges.set(controller.namespace, [controllerId, controllerId + 1]);
  return { classes, namespaceRanges, ingressControllerId: controllerId };
}

function makeClass(id: number, key: string, pods: Pod[], first: Pod, ipAtom: number): PodClass {
  return {
    id,
    key,
    namespace: first.namespace,
    labels: first.labels,
    ports: first.ports,
    hostNetwork: first.hostNetwork,
    ipAtom,
    pods,
    workloads: [...new Set(pods.map((p) => workloadName(p.workload)))],
  };
}

function classKey(
  pod: Pod,
  vocabulary: Vocabulary,
  ipAtoms: readonly IpRange[],
  options: EvaluationOptions,
): string {
  // Built by concatenation: this runs once per pod, the hottest loop of a model build.
  let key = pod.namespace;
  const labels = pod.labels;
  for (const k of vocabulary.podKeys) {
    if (Object.prototype.hasOwnProperty.call(labels, k)) key += `\u0001${k}=${labels[k]}`;
  }
  key += '\u0001#';
  if (vocabulary.portNames.size > 0) {
    for (const p of pod.ports) {
      if (usesNamedPort(vocabulary.portNames, p.name, p.protocol))
        key += `${p.name}/${p.protocol}/${p.port},`;
    }
  }
  if (pod.hostNetwork) key += '\u0001#host';
  if (vocabulary.serviceAccounts) key += `\u0001#sa${pod.serviceAccount ?? 'default'}`;
  if (matchesIps(options, vocabulary)) key += `\u0001#ip${podIpAtom(pod, ipAtoms)}`;
  return key;
}

/** Whether pods are told apart by their address: ipBlocks or cluster `networks` match pods. */
function matchesIps(options: EvaluationOptions, vocabulary: Vocabulary): boolean {
  return options.ipBlockMatchesPods || vocabulary.networksMatchPods;
}

/** The atom of a pod's primary IP: -1 when it has none, -2 when it lies in no atom. */
function podIpAtom(pod: Pod, atoms: readonly IpRange[]): number {
  const ip = pod.ips[0];
  if (!ip) return -1;
  const atom = ipAtomOf(ip, atoms);
  return atom < 0 ? -2 : atom;
}

/** Index of the atom holding the address; -1 when there is no address or no atom of its family. */
export function ipAtomOf(ip: IpAddress | undefined, atoms: readonly IpRange[]): number {
  if (!ip) return -1;
  let lo = 0;
  let hi = atoms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const atom = atoms[mid] as IpRange;
    if (atom.family < ip.family || (atom.family === ip.family && atom.last < ip.value))
      lo = mid + 1;
    else if (atom.family > ip.family || atom.first > ip.value) hi = mid - 1;
    else return mid;
  }
  return -1;
}
