import fc from 'fast-check';
import {
  labelsArbitrary,
  NAMESPACE_NAME_LABEL,
  networkPolicyObject,
  networkPolicyPeerArbitrary,
  networkPolicyRuleArbitrary,
  networkPolicySpecArbitrary,
  selectorArbitrary,
  tupleOf,
} from '@fenceline/netpol-arbitraries';
import type { RawSelector } from '../src/index';

/**
 * Random small clusters and policies for property tests: a tiny label vocabulary so that
 * selectors actually match, every selector operator, peer form and port form, valid by
 * construction.
 */
export type Raw = Record<string, unknown>;
export type Labels = Record<string, string>;

export const NAMESPACES = ['ns-a', 'ns-b', 'ns-c', 'kube-system'];
export const KEYS = ['app', 'team', 'env'];
export const VALUES = ['web', 'db', 'x', 'prod'];
export const NAME = NAMESPACE_NAME_LABEL;

/** Scopes, each with the predicate it stands for, written independently of the code under test. */
export const SCOPES: {
  selector: RawSelector;
  inScope: (labels: Labels) => boolean;
}[] = [
  {
    selector: {
      matchExpressions: [{ key: NAME, operator: 'NotIn', values: ['kube-system'] }],
    },
    inScope: (l) => l[NAME] !== 'kube-system',
  },
  { selector: {}, inScope: () => true },
  {
    selector: { matchLabels: { env: 'prod' } },
    inScope: (l) => l['env'] === 'prod',
  },
  {
    selector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
    inScope: (l) => 'team' in l,
  },
];

/** The words of every generated object (shared with `cluster-arbitraries.ts`). */
export const VOCABULARY = { keys: KEYS, values: VALUES, namespaces: NAMESPACES };
export const labels = labelsArbitrary(VOCABULARY, 2);
const selector = selectorArbitrary(VOCABULARY, { maxLabels: 2, maxExpressions: 2 });
const peer = networkPolicyPeerArbitrary(
  selector,
  fc.constantFrom(
    { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
    { ipBlock: { cidr: '0.0.0.0/0' } },
    { ipBlock: { cidr: '192.168.1.0/24' } },
  ),
);
const port = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') }, { requiredKeys: [] }),
  fc.record(
    {
      protocol: fc.constantFrom('TCP', 'UDP'),
      port: fc.constantFrom(53, 80, 443, 'http'),
    },
    { requiredKeys: ['port'] },
  ),
  fc.record({ port: fc.constant(80), endPort: fc.constantFrom(80, 90) }),
);
/** A NetworkPolicy spec (wrap it with `networkPolicyObject`). */
export const spec = networkPolicySpecArbitrary({
  podSelector: fc.oneof(
    selector,
    fc.constantFrom({}, { matchLabels: { app: 'web' } }, { matchLabels: { app: 'db' } }),
  ),
  ingressRule: networkPolicyRuleArbitrary('from', peer, port, { maxLength: 2 }),
  egressRule: networkPolicyRuleArbitrary('to', peer, port, { maxLength: 2 }),
  maxRules: 2,
});

/** A pod: bare, owned by a ReplicaSet (replicas may differ in labels), or a Deployment template. */
const podObject = (i: number, kinds: readonly string[]) =>
  fc
    .record({
      // Few distinct namespaces, label sets and ports, so that pods often share a shape and
      // workloads are often partly selected (the tricky cases).
      namespace: fc.oneof(
        { arbitrary: fc.constant('ns-a'), weight: 2 },
        { arbitrary: fc.constantFrom(...NAMESPACES), weight: 1 },
      ),
      labels: fc.oneof(fc.constantFrom({}, { app: 'web' }, { app: 'db', team: 'x' }), labels),
      kind: fc.constantFrom(...kinds),
      ip: fc.constantFrom('10.1.2.3', '10.2.0.1', '192.168.1.5', '172.16.0.1'),
      port: fc.oneof(
        { arbitrary: fc.constant(80), weight: 3 },
        { arbitrary: fc.constantFrom(53, 8080), weight: 1 },
      ),
    })
    .map(({ namespace, labels: podLabels, kind, ip, port: containerPort }) =>
      kind === 'Deployment'
        ? {
            apiVersion: 'apps/v1',
            kind,
            metadata: { name: `w${i}`, namespace },
            spec: {
              template: {
                metadata: { labels: podLabels },
                spec: {
                  containers: [{ name: 'c', ports: [{ name: 'http', containerPort }] }],
                },
              },
            },
          }
        : {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: {
              name: `p${i}`,
              namespace,
              labels: podLabels,
              ...(kind === 'Pod'
                ? {}
                : {
                    ownerReferences: [{ kind: 'ReplicaSet', name: kind, controller: true }],
                  }),
            },
            spec: {
              containers: [{ name: 'c', ports: [{ name: 'http', containerPort }] }],
            },
            status: { podIP: ip },
          },
    );

/**
 * A random cluster as raw objects: the four namespaces with labels, 1–7 pods, 0–4 policies.
 * `kinds` are the pods' owners: `Pod` (none), `rs-1`/`rs-2` (ReplicaSets), `Deployment`.
 */
export const clusterArbitrary = (
  kinds: readonly string[] = ['Pod', 'rs-1', 'rs-2', 'Deployment'],
) =>
  fc
    .record({
      pods: fc.integer({ min: 1, max: 7 }),
      policies: fc.integer({ min: 0, max: 4 }),
      nsLabels: fc.tuple(...NAMESPACES.map(() => labels)),
    })
    .chain(({ pods, policies, nsLabels }) =>
      fc.tuple(
        fc.constant(
          NAMESPACES.map((name, i) => ({
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name, labels: nsLabels[i] },
          })),
        ),
        tupleOf(pods, (i) => podObject(i, kinds)),
        tupleOf(policies, (i) =>
          fc
            .tuple(fc.constantFrom(...NAMESPACES), spec)
            .map(([ns, s]) => networkPolicyObject(`np${i}`, ns, s)),
        ),
      ),
    )
    .map(([namespaces, pods, policies]) => [...namespaces, ...pods, ...policies] as Raw[]);
