import { extraPolicy } from './extra-policies';
import { unique, type NamespaceLayout } from './layout';
import {
  systemPeer,
  type PolicyContext,
  type PolicySpec,
  type SnapshotPolicy,
} from './policy-spec';
import { INTERNET, type Tier } from './vocabulary';

/**
 * Exactly `ns.policies` NetworkPolicies, the way platform teams write them: the namespace
 * template first (default deny, DNS), then same-namespace tier traffic, Prometheus scraping,
 * ingress-nginx to frontends, team traffic and internet egress (rotated per namespace, so
 * namespaces with a small quota differ), then per-app policies as long as the quota lasts.
 *
 * @example namespacePolicies(ctx, ns).length === ns.policies // true
 */
export function namespacePolicies(ctx: PolicyContext, ns: NamespaceLayout): SnapshotPolicy[] {
  const names = new Set<string>();
  const out: SnapshotPolicy[] = [];
  const add = (name: string, spec: PolicySpec): void => {
    if (out.length < ns.policies) out.push({ namespace: ns.name, name: unique(names, name), spec });
  };
  for (const [name, spec] of templatePolicies(ns)) add(name, spec);
  const common = tierPolicies(ns);
  const start = common.length === 0 ? 0 : ns.index % common.length;
  let next = 0;
  let extra = 0;
  // Every third slot is a per-app policy, so that even small quotas mix both kinds.
  for (let slot = 0; out.length < ns.policies; slot++) {
    const [name, spec] =
      next < common.length && (slot + ns.index) % 3 !== 2
        ? (common[(start + next++) % common.length] as [string, PolicySpec])
        : extraPolicy(ctx, ns, extra++);
    add(name, spec);
  }
  return out;
}

function templatePolicies(ns: NamespaceLayout): [string, PolicySpec][] {
  if (ns.isolation === 'open') return [];
  if (ns.isolation === 'ingress-only')
    return [['default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }]];
  return [
    ['default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }],
    [
      'allow-dns',
      {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [systemPeer('kube-system', { 'k8s-app': 'kube-dns' })],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    ],
  ];
}

function tierPolicies(ns: NamespaceLayout): [string, PolicySpec][] {
  const has = (tier: Tier): boolean => ns.classes.some((c) => c.tier === tier);
  const tierIs = (tier: Tier): PolicySpec => ({ matchLabels: { tier } });
  const policies: [string, PolicySpec][] = [];
  if (ns.isolation === 'isolated') {
    policies.push([
      'allow-same-namespace-egress',
      { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }] }] },
    ]);
  }
  policies.push([
    'allow-backend-from-frontend',
    {
      podSelector: tierIs('backend'),
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ podSelector: tierIs('frontend') }],
          ports: [{ port: 'grpc' }, { port: 'http' }],
        },
      ],
    },
  ]);
  if (has('data')) {
    const dbPorts = [
      ...new Set(ns.classes.filter((c) => c.tier === 'data').map((c) => c.ports[0]?.name)),
    ];
    policies.push([
      'allow-data-from-backend',
      {
        podSelector: tierIs('data'),
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ podSelector: tierIs('backend') }], ports: dbPorts.map((port) => ({ port })) },
        ],
      },
    ]);
  }
  policies.push([
    'allow-prometheus-scrape',
    {
      podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [systemPeer('monitoring', { 'app.kubernetes.io/name': 'prometheus' })],
          ports: [{ protocol: 'TCP', port: 'metrics' }],
        },
      ],
    },
  ]);
  if (has('frontend')) {
    policies.push([
      'allow-ingress-nginx',
      {
        podSelector: tierIs('frontend'),
        ingress: [
          {
            from: [systemPeer('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' })],
            ports: [{ port: 'http' }],
          },
        ],
      },
    ]);
    policies.push([
      'allow-egress-to-team-backends',
      {
        podSelector: tierIs('frontend'),
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { team: ns.team } },
                podSelector: tierIs('backend'),
              },
            ],
            ports: [{ port: 'grpc' }, { port: 'http' }],
          },
        ],
      },
    ]);
  }
  if (has('backend')) {
    const envs = ns.env === 'prod' ? ['prod'] : ['staging', 'dev'];
    policies.push([
      'allow-team-frontends',
      {
        podSelector: tierIs('backend'),
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { team: ns.team },
                  matchExpressions: [{ key: 'env', operator: 'In', values: envs }],
                },
                podSelector: tierIs('frontend'),
              },
            ],
            ports: [{ port: 'grpc' }],
          },
        ],
      },
    ]);
    const caller = ns.classes.find((c) => c.tier === 'backend');
    if (caller) {
      policies.push([
        `${caller.app}-egress-internet`,
        {
          podSelector: { matchLabels: { app: caller.app } },
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ ipBlock: { cidr: INTERNET.cidr, except: [...INTERNET.except] } }],
              ports: [{ port: 443 }],
            },
          ],
        },
      ]);
    }
  }
  return policies;
}
