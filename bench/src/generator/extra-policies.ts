import type { AppClass, NamespaceLayout } from './layout';
import { systemPeer, type PolicyContext, type PolicySpec } from './policy-spec';
import { PARTNER_CIDRS, PARTNER_WIDE } from './vocabulary';

type Variant = (ctx: PolicyContext, ns: NamespaceLayout, target: AppClass) => [string, PolicySpec];

/**
 * The k-th per-app policy of a namespace: narrow rules of the kinds real clusters accumulate
 * (peer apps by matchExpressions, endPort ranges, partner CIDRs with except, UDP and SCTP, apps
 * of other team namespaces, egress lock-downs). Each admits few peers, so connectivity stays
 * sparse however many there are.
 *
 * @example extraPolicy(ctx, ns, 0)[0] // 'checkout-from-peers'
 */
export function extraPolicy(
  ctx: PolicyContext,
  ns: NamespaceLayout,
  k: number,
): [string, PolicySpec] {
  const variants = ctx.layout.spec.versionSelectors ? [...VARIANTS, stableOnly] : VARIANTS;
  // Offset by namespace, so namespaces with one or two of these still cover every variant.
  const variant = variants[(k + ns.index) % variants.length] as Variant;
  const target = ns.classes[k % ns.classes.length] as AppClass;
  return variant(ctx, ns, target);
}

/** Selects the target's pods: by app, and by version too when selectors read it. */
function selectApp(c: AppClass): PolicySpec {
  return { matchLabels: c.version ? { app: c.app, version: c.version } : { app: c.app } };
}

const fromPeers: Variant = (ctx, ns, target) => {
  const apps = [...new Set(ns.classes.map((c) => c.app))];
  const peers = [...new Set([ctx.rng.pick(apps), ctx.rng.pick(apps)])].sort();
  return [
    `${target.app}-from-peers`,
    {
      podSelector: selectApp(target),
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: peers }] } },
          ],
          ports: [{ protocol: 'TCP', port: 8080, endPort: 8089 }],
        },
      ],
    },
  ];
};

const partnerEgress: Variant = (ctx, _ns, target) => [
  `${target.app}-partner-egress`,
  {
    podSelector: selectApp(target),
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ ipBlock: { cidr: ctx.rng.pick(PARTNER_CIDRS) } }],
        ports: [{ protocol: 'TCP', port: 8443, endPort: 8453 }],
      },
    ],
  },
];

const statsd: Variant = (_ctx, _ns, target) => [
  `${target.app}-to-statsd`,
  {
    podSelector: selectApp(target),
    policyTypes: ['Egress'],
    egress: [
      {
        to: [systemPeer('monitoring', { 'app.kubernetes.io/name': 'statsd-exporter' })],
        ports: [{ protocol: 'UDP', port: 9125 }],
      },
    ],
  },
];

const fromTeamApp: Variant = (ctx, ns, target) => {
  const other = ctx.rng.pick(ctx.layout.teams.get(ns.team) ?? [ns]);
  const caller = ctx.rng.pick(other.classes);
  return [
    `${target.app}-from-${caller.app}`,
    {
      podSelector: selectApp(target),
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { team: ns.team },
                matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }],
              },
              podSelector: { matchLabels: { app: caller.app } },
            },
          ],
          ports: [{ port: 'grpc' }, { port: 'http' }],
        },
      ],
    },
  ];
};

const sctp: Variant = (_ctx, _ns, target) => [
  `${target.app}-signalling`,
  {
    podSelector: selectApp(target),
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [{ podSelector: { matchLabels: { tier: 'backend' } } }],
        ports: [
          { protocol: 'SCTP', port: 3868 },
          { protocol: 'SCTP', port: 2905, endPort: 2910 },
        ],
      },
    ],
  },
];

const partnerIngress: Variant = (_ctx, _ns, target) => [
  `${target.app}-from-partner`,
  {
    podSelector: selectApp(target),
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [{ ipBlock: { cidr: PARTNER_WIDE.cidr, except: [...PARTNER_WIDE.except] } }],
        ports: [{ port: 'http' }],
      },
    ],
  },
];

const fromWorkers: Variant = (_ctx, _ns, target) => [
  `${target.app}-from-workers`,
  {
    podSelector: selectApp(target),
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          {
            podSelector: {
              matchLabels: { tier: 'worker' },
              matchExpressions: [{ key: 'quarantine', operator: 'DoesNotExist' }],
            },
          },
        ],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ],
  },
];

const denyEgress: Variant = (_ctx, _ns, target) => [
  `${target.app}-deny-egress`,
  { podSelector: selectApp(target), policyTypes: ['Egress'] },
];

/** Adversarial only: a rule that reads `version`, so canary and stable pods are different classes. */
const stableOnly: Variant = (_ctx, _ns, target) => [
  `${target.app}-from-stable-frontends`,
  {
    podSelector: selectApp(target),
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          {
            podSelector: {
              matchLabels: { tier: 'frontend' },
              matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['canary'] }],
            },
          },
        ],
        ports: [{ port: 'http' }],
      },
    ],
  },
];

const VARIANTS: readonly Variant[] = [
  fromPeers,
  partnerEgress,
  fromTeamApp,
  statsd,
  partnerIngress,
  fromWorkers,
  sctp,
  denyEgress,
];
