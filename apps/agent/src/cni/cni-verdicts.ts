import { boolFlag, parseGoBool, stringFlag } from './container-flags';
import type { CniContainer, CniWorkload } from './cni-workload';
import { imageMatches } from './image-repository';

/** Whether one node-agent workload enforces NetworkPolicies, and the detail that decided it. */
export interface CniVerdict {
  readonly enforces: boolean | null;
  /** Shown in the evidence beside the image, e.g. `no weave-npc container`. */
  readonly note?: string;
}

/** Verdicts of agents that always enforce, never do, or leave it open. */
export const ENFORCES: CniVerdict = { enforces: true };
export const DOES_NOT_ENFORCE: CniVerdict = { enforces: false };
export const NOT_DECIDED: CniVerdict = { enforces: null };

// Verdicts search every container, init containers included (CniWorkload does not tell them
// apart): the flags they look for only ever appear in the agent's own container.
const anyContainer = (
  workload: CniWorkload,
  test: (container: CniContainer) => boolean,
): CniContainer | undefined => workload.containers.find(test);

/**
 * Cilium enforces unless policy enforcement is off (`enable-policy=never`) or Kubernetes
 * NetworkPolicy support is disabled; both read from flags or `CILIUM_` env (the ConfigMap is out of reach).
 * See https://docs.cilium.io/en/stable/security/policy/intro/#policy-enforcement-modes
 *
 * @example ciliumVerdict(ciliumWith(['--enable-policy=never'])) // { enforces: false, note: 'cilium-agent --enable-policy=never' }
 */
export function ciliumVerdict(workload: CniWorkload): CniVerdict {
  // cilium-agent reads each option from its flag or, through viper, from a CILIUM_ env variable.
  const never = anyContainer(
    workload,
    (c) =>
      (stringFlag(c.args, 'enable-policy') ?? c.env['CILIUM_ENABLE_POLICY'])?.toLowerCase() ===
      'never',
  );
  if (never) return { enforces: false, note: `${never.name} --enable-policy=never` };
  const noK8sPolicy = anyContainer(workload, (c) => {
    const flag = boolFlag(c.args, 'enable-k8s-networkpolicy');
    const env = c.env['CILIUM_ENABLE_K8S_NETWORKPOLICY'];
    return (flag ?? (env === undefined ? undefined : parseGoBool(env))) === false;
  });
  if (noK8sPolicy)
    return { enforces: false, note: `${noK8sPolicy.name} --enable-k8s-networkpolicy=false` };
  return ENFORCES;
}

/**
 * Weave Net enforces only through its `weave-npc` container.
 * See https://github.com/weaveworks/weave/blob/master/site/kubernetes/kube-addon.md#npc
 *
 * @example weaveVerdict(weaveNetWithoutNpc) // { enforces: false, note: 'no weave-npc container' }
 */
export function weaveVerdict(workload: CniWorkload): CniVerdict {
  // weave-kube only routes; policies are enforced by the separate weave-npc container.
  const npc = anyContainer(
    workload,
    (c) => c.name === 'weave-npc' || imageMatches(c.image, 'weave-npc'),
  );
  return npc
    ? { enforces: true, note: `${npc.name} container` }
    : { enforces: false, note: 'no weave-npc container' };
}

/**
 * kube-router enforces unless started with `--run-firewall=false` (its network policy controller).
 * See https://github.com/cloudnativelabs/kube-router/blob/master/docs/user-guide.md
 *
 * @example kubeRouterVerdict(kubeRouterWith(['--run-firewall=false'])) // { enforces: false, note: 'kube-router --run-firewall=false' }
 */
export function kubeRouterVerdict(workload: CniWorkload): CniVerdict {
  const off = anyContainer(workload, (c) => boolFlag(c.args, 'run-firewall') === false);
  return off ? { enforces: false, note: `${off.name} --run-firewall=false` } : ENFORCES;
}

/**
 * The AWS VPC CNI enforces only through its `aws-eks-nodeagent` container started with
 * `--enable-network-policy=true`.
 * See https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html
 *
 * @example awsVpcCniVerdict(awsNodeWithoutAgent) // { enforces: false, note: 'no aws-eks-nodeagent container' }
 */
export function awsVpcCniVerdict(workload: CniWorkload): CniVerdict {
  // The VPC CNI enforces policies only through its network policy agent, off unless enabled.
  const nodeAgent = anyContainer(
    workload,
    (c) =>
      c.name === 'aws-eks-nodeagent' || imageMatches(c.image, 'amazon/aws-network-policy-agent'),
  );
  if (!nodeAgent) return { enforces: false, note: 'no aws-eks-nodeagent container' };
  return boolFlag(nodeAgent.args, 'enable-network-policy') === true
    ? { enforces: true, note: `${nodeAgent.name} --enable-network-policy=true` }
    : { enforces: false, note: `${nodeAgent.name} without --enable-network-policy=true` };
}

/**
 * kindnet: null, unless network policies are switched off (`--network-policy=false`).
 * See https://github.com/aojea/kindnet
 *
 * @example kindnetVerdict(kindWorkerKindnet) // { enforces: null, note: 'NetworkPolicy support depends on the kindnetd release' }
 */
export function kindnetVerdict(workload: CniWorkload): CniVerdict {
  // kindnetd enforces NetworkPolicies only in its late-2024 releases (kind v0.25+, the standalone
  // aojea/kindnet 1.x); older kindnetd ignores them. Its kind image tags are dates and commits,
  // not versions, so presence alone cannot tell which: only an explicit opt-out is certain.
  const off = anyContainer(workload, (c) => boolFlag(c.args, 'network-policy') === false);
  if (off) return { enforces: false, note: `${off.name} --network-policy=false` };
  return { enforces: null, note: 'NetworkPolicy support depends on the kindnetd release' };
}
