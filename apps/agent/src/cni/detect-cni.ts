import { CANAL, CANAL_PARTS, CNI_SIGNATURES, type CniSignature } from './cni-signatures';
import type { CniVerdict } from './cni-verdicts';
import type { CniContainer, CniWorkload } from './cni-workload';
import { imageMatches } from './image-repository';

export {
  cniWorkloadOf,
  type CniContainer,
  type CniWorkload,
  type CniWorkloadKind,
} from './cni-workload';

/** The cluster's CNI as far as its workloads tell, for compliance reports. */
export interface CniDetection {
  /**
   * 'calico' | 'canal' | 'cilium' | 'antrea' | 'weave' | 'kube-router' | 'flannel' | 'aws-vpc-cni'
   * | 'azure-cni' | 'azure-npm' | 'ovn-kubernetes' | 'openshift-sdn' | 'kindnet'
   * | 'kube-network-policies' | 'unknown'; several found are joined sorted with '+'
   * ('flannel+kube-router', 'aws-vpc-cni+calico').
   */
  readonly name: string;
  /** True when some policy engine enforces NetworkPolicies; null when it cannot be told. */
  readonly enforcesNetworkPolicy: boolean | null;
  /** One line per recognised object, sorted, e.g. `DaemonSet kube-system/calico-node (image docker.io/calico/node:v3.28.0)`. */
  readonly evidence: readonly string[];
}

/** One CNI recognised in one workload. */
interface CniPart {
  readonly cni: string;
  /** Set for agent DaemonSets only: companions and Deployments do not decide enforcement. */
  readonly verdict: CniVerdict | undefined;
  readonly evidence: string;
}

interface SignatureMatch {
  readonly signature: CniSignature;
  /** The container that matched, undefined when only the workload's name did. */
  readonly container: CniContainer | undefined;
}

/**
 * Detects the CNI plugin(s) from the cluster's DaemonSets and Deployments (all namespaces) and
 * whether NetworkPolicies are enforced: true when any recognised node agent enforces them,
 * false when every recognised one is known not to, null otherwise. Independent of input order.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#prerequisites
 *
 * @example detectCni([cniWorkloadOf(kubeFlannelDs)!]) // { name: 'flannel', enforcesNetworkPolicy: false, evidence: ['DaemonSet kube-flannel/kube-flannel-ds (image docker.io/flannel/flannel:v0.25.5)'] }
 */
export function detectCni(workloads: readonly CniWorkload[]): CniDetection {
  const verdicts = new Map<string, (boolean | null)[]>();
  const evidence = new Set<string>();
  for (const part of workloads.flatMap(partsOf)) {
    const list = verdicts.get(part.cni) ?? [];
    if (part.verdict) list.push(part.verdict.enforces);
    verdicts.set(part.cni, list);
    evidence.add(part.evidence);
  }
  if (verdicts.size === 0) return { name: 'unknown', enforcesNetworkPolicy: null, evidence: [] };
  const names = [...verdicts.keys()].sort(byCodePoint);
  // A CNI seen only through companions (an operator without its node agent yet) is undecided.
  const perCni = names.map((name) => combine(verdicts.get(name) ?? []));
  return {
    name: names.join('+'),
    enforcesNetworkPolicy: combine(perCni),
    evidence: [...evidence].sort(byCodePoint),
  };
}

/** Any enforcing engine makes the cluster enforce; otherwise one unknown makes the whole unknown. */
function combine(verdicts: readonly (boolean | null)[]): boolean | null {
  if (verdicts.includes(true)) return true;
  if (verdicts.length === 0 || verdicts.includes(null)) return null;
  return false;
}

function partsOf(workload: CniWorkload): CniPart[] {
  let matches = CNI_SIGNATURES.flatMap((signature) => {
    const match = matchSignature(workload, signature);
    return match ? [match] : [];
  });
  const agentCnis = new Set(
    matches.filter((m) => m.signature.role === 'agent').map((m) => m.signature.cni),
  );
  if (agentCnis.has(CANAL.cni) || CANAL_PARTS.every((cni) => agentCnis.has(cni))) {
    const parts = matches.filter((m) => CANAL_PARTS.includes(m.signature.cni));
    matches = [
      { signature: CANAL, container: parts.find((m) => m.container)?.container },
      ...matches.filter((m) => m.signature !== CANAL && !CANAL_PARTS.includes(m.signature.cni)),
    ];
  }
  const cnis = [...new Set(matches.map((m) => m.signature.cni))];
  return cnis.map((cni) => {
    const forCni = matches.filter((m) => m.signature.cni === cni);
    const agentMatch = forCni.find((m) => m.signature.role === 'agent');
    const verdict =
      workload.kind === 'DaemonSet' && agentMatch
        ? agentMatch.signature.verdict(workload)
        : undefined;
    const container = (agentMatch?.container ? agentMatch : forCni.find((m) => m.container))
      ?.container;
    return { cni, verdict, evidence: describe(workload, container, verdict?.note) };
  });
}

function matchSignature(
  workload: CniWorkload,
  signature: CniSignature,
): SignatureMatch | undefined {
  const byImage = workload.containers.find((c) =>
    signature.images.some((image) => imageMatches(c.image, image)),
  );
  const container =
    byImage ?? workload.containers.find((c) => signature.containers.includes(c.name));
  if (container) return { signature, container };
  return namesOf(workload).some((name) =>
    signature.workloads.some((pattern) => nameMatches(workload, name, pattern)),
  )
    ? { signature, container: undefined }
    : undefined;
}

/** The workload's name and the app names its labels give (charts rename objects, rarely these). */
function namesOf(workload: CniWorkload): string[] {
  const labels = ['k8s-app', 'app.kubernetes.io/name'].map((key) => workload.labels[key]);
  return [
    workload.name,
    ...labels.filter((value): value is string => value !== undefined && value !== ''),
  ];
}

function nameMatches(workload: CniWorkload, name: string, pattern: string): boolean {
  const slash = pattern.indexOf('/');
  if (slash >= 0)
    return workload.namespace === pattern.slice(0, slash) && name === pattern.slice(slash + 1);
  return name === pattern || name.endsWith(`-${pattern}`);
}

function describe(
  workload: CniWorkload,
  container: CniContainer | undefined,
  note: string | undefined,
): string {
  const ref = workload.namespace === '' ? workload.name : `${workload.namespace}/${workload.name}`;
  const image = (container ?? workload.containers.find((c) => c.image !== ''))?.image;
  const details = [image ? `image ${image}` : undefined, note].filter(
    (d): d is string => d !== undefined,
  );
  return details.length > 0
    ? `${workload.kind} ${ref} (${details.join('; ')})`
    : `${workload.kind} ${ref}`;
}

/** Locale-independent ordering, so output is the same on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
