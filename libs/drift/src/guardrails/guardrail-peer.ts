import {
  ConnectionSet,
  IpSet,
  matchesLabels,
  namespaceLabels,
  parseCidr,
  PortSet,
  type Cidr,
  type LabelSelector,
  type Pod,
} from '@fenceline/netpol';
import type { PeerSpec, PortSpec } from '../baseline/baseline-content';
import { compileSelector } from '../baseline/parse-selector';
import type { ScanContext } from './scan-context';

/** A guardrail end, ready to test pods and addresses. */
export interface GuardrailPeer {
  /** Whether the pod is selected (see {@link PeerSpec} for which namespaces count). */
  pod(pod: Pod): boolean;
  /** External addresses selected: the CIDR minus its excepts, or none for selectors. */
  readonly addresses: IpSet;
}

/**
 * Compiles a {@link PeerSpec}. Selectors are not namespaced: without `namespaceSelector` the peer
 * covers every in-scope namespace (`podSelector` alone: matching pods there; `{}`: every in-scope
 * pod); an explicit `namespaceSelector` selects namespaces of the whole cluster, in scope or
 * not, so that a guardrail can name kube-system. A CIDR selects external addresses, and also
 * in-scope pods whose primary IP is in it when ipBlocks match pods.
 */
export function compilePeer(spec: PeerSpec, ctx: ScanContext, path: string): GuardrailPeer {
  if (spec.cidr !== undefined) {
    const addresses = IpSet.fromRange(cidrOf(spec.cidr, `${path}.cidr`)).subtract(
      IpSet.fromRanges((spec.except ?? []).map((e, i) => cidrOf(e, `${path}.except[${i}]`))),
    );
    return {
      addresses,
      pod: (pod) => {
        const ip = pod.ips[0];
        return (
          ctx.options.ipBlockMatchesPods &&
          ctx.inScope.has(pod.namespace) &&
          ip !== undefined &&
          addresses.contains(ip.family, ip.value)
        );
      },
    };
  }
  const namespaces =
    spec.namespaceSelector && compileSelector(spec.namespaceSelector, `${path}.namespaceSelector`);
  const pods = spec.podSelector && compileSelector(spec.podSelector, `${path}.podSelector`);
  return {
    addresses: IpSet.EMPTY,
    pod: (pod) =>
      (namespaces !== undefined || ctx.inScope.has(pod.namespace)) &&
      selectorPeerMatches(ctx, namespaces, pods, pod),
  };
}

/** `namespaceSelector` AND `podSelector`, each matching everything when absent. */
export function selectorPeerMatches(
  ctx: ScanContext,
  namespaces: LabelSelector | undefined,
  pods: LabelSelector | undefined,
  pod: Pod,
): boolean {
  if (namespaces && !matchesLabels(namespaces, namespaceLabels(ctx.inventory, pod.namespace)))
    return false;
  return !pods || matchesLabels(pods, pod.labels);
}

/**
 * The connections a guardrail's ports cover: none given (or `[]`) is every port of every
 * protocol; protocol defaults to TCP; no `port` is every port of the protocol.
 *
 * @example portSpecConnections([{ port: 5432 }]).toString() // 'TCP 5432'
 */
export function portSpecConnections(ports: readonly PortSpec[] | undefined): ConnectionSet {
  if (!ports || ports.length === 0) return ConnectionSet.ALL;
  return ports.reduce((acc, p) => {
    const range = p.port === undefined ? PortSet.ALL : PortSet.range(p.port, p.endPort ?? p.port);
    return acc.union(ConnectionSet.of(p.protocol ?? 'TCP', range));
  }, ConnectionSet.NONE);
}

function cidrOf(text: string, path: string): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw new Error(`${path}: invalid CIDR ${JSON.stringify(text)}`);
  return cidr;
}
