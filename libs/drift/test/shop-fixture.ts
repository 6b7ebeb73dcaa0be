import { buildInventory, type Inventory } from '@fenceline/netpol';
import type { BaselineContent } from '../src/index';

/**
 * A small cluster and its baseline, written by hand so expected findings can be derived by
 * reasoning, not copied from output.
 *
 * Namespaces: kube-system (coredns: k8s-app=kube-dns, UDP/TCP 53), shop (team=shop: web app=web
 * port 8080, worker app=worker), payments (team=payments: db app=db port 5432), dev (team=dev:
 * web app=web).
 *
 * Baseline (default scope: all but kube-system; payments is sensitive):
 * - template default-deny: every pod isolated for ingress and egress;
 * - template allow-dns: egress to kube-dns pods on UDP 53 and TCP 53;
 * - payments/db-from-web: db admits shop's app=web on TCP 5432;
 * - shop/web-to-db: web may open TCP 5432 to payments' app=db;
 * - shop/web-ingress: web admits every external address on TCP 8080.
 * Guardrails: default deny both ways, DNS egress, no external address to payments, nothing from
 * dev to payments, shop's web must reach db on TCP 5432.
 */
export const NAME = 'kubernetes.io/metadata.name';

export type Raw = Record<string, unknown>;

export function namespace(name: string, labels: Record<string, string> = {}): Raw {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function deployment(
  ns: string,
  name: string,
  labels: Record<string, string>,
  ports: Raw[] = [],
): Raw {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'main', ports }] } } },
  };
}

export function policy(name: string, ns: string | undefined, spec: Raw): Raw {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, ...(ns === undefined ? {} : { namespace: ns }) },
    spec,
  };
}

/** A template (no namespace) placed in `ns`, as the cluster would hold it. */
export function placed(template: Raw, ns: string): Raw {
  const metadata = template['metadata'] as Raw;
  return { ...template, metadata: { ...metadata, namespace: ns } };
}

export const DEFAULT_DENY = policy('default-deny', undefined, {
  podSelector: {},
  policyTypes: ['Ingress', 'Egress'],
});

export const ALLOW_DNS = policy('allow-dns', undefined, {
  podSelector: {},
  policyTypes: ['Egress'],
  egress: [
    {
      to: [
        {
          namespaceSelector: { matchLabels: { [NAME]: 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
      ],
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
  ],
});

export const DB_FROM_WEB = policy('db-from-web', 'payments', {
  podSelector: { matchLabels: { app: 'db' } },
  ingress: [
    {
      from: [
        {
          namespaceSelector: { matchLabels: { team: 'shop' } },
          podSelector: { matchLabels: { app: 'web' } },
        },
      ],
      ports: [{ port: 5432 }],
    },
  ],
});

export const WEB_TO_DB = policy('web-to-db', 'shop', {
  podSelector: { matchLabels: { app: 'web' } },
  policyTypes: ['Egress'],
  egress: [
    {
      to: [
        {
          namespaceSelector: { matchLabels: { team: 'payments' } },
          podSelector: { matchLabels: { app: 'db' } },
        },
      ],
      ports: [{ port: 5432 }],
    },
  ],
});

export const WEB_INGRESS = policy('web-ingress', 'shop', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8080 }] }],
});

export const SHOP_BASELINE: BaselineContent = {
  scope: {
    namespaceSelector: {
      matchExpressions: [{ key: NAME, operator: 'NotIn', values: ['kube-system'] }],
    },
  },
  sensitive: { namespaceSelector: { matchLabels: { team: 'payments' } } },
  policies: [DEFAULT_DENY, ALLOW_DNS, DB_FROM_WEB, WEB_TO_DB, WEB_INGRESS],
  guardrails: [
    { type: 'require-default-deny', direction: 'both' },
    { type: 'require-dns-egress' },
    {
      type: 'deny',
      name: 'no-external-to-payments',
      from: { cidr: '0.0.0.0/0' },
      to: { namespaceSelector: { matchLabels: { team: 'payments' } } },
    },
    {
      type: 'deny',
      name: 'no-dev-to-payments',
      from: { namespaceSelector: { matchLabels: { team: 'dev' } } },
      to: { namespaceSelector: { matchLabels: { team: 'payments' } } },
    },
    {
      type: 'allow',
      name: 'web-reaches-db',
      from: {
        namespaceSelector: { matchLabels: { team: 'shop' } },
        podSelector: { matchLabels: { app: 'web' } },
      },
      to: { podSelector: { matchLabels: { app: 'db' } } },
      ports: [{ port: 5432 }],
    },
  ],
};

export const WORKLOADS: readonly Raw[] = [
  namespace('kube-system'),
  namespace('shop', { team: 'shop' }),
  namespace('payments', { team: 'payments' }),
  namespace('dev', { team: 'dev' }),
  deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ]),
  deployment('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]),
  deployment('shop', 'worker', { app: 'worker' }),
  deployment('payments', 'db', { app: 'db' }, [{ name: 'pg', containerPort: 5432 }]),
  deployment('dev', 'web', { app: 'web' }),
];

/** The cluster's policies exactly as the baseline expands: templates in shop, payments and dev. */
export function expandedPolicies(): Raw[] {
  return [
    ...['dev', 'payments', 'shop'].flatMap((ns) => [
      placed(DEFAULT_DENY, ns),
      placed(ALLOW_DNS, ns),
    ]),
    DB_FROM_WEB,
    WEB_TO_DB,
    WEB_INGRESS,
  ];
}

export function inventoryOf(objects: readonly unknown[]): Inventory {
  const inventory = buildInventory(
    objects.map((object, i) => ({ object, source: `cluster.yaml#${i + 1}` })),
  );
  if (inventory.issues.length > 0)
    throw new Error(`fixture is invalid: ${inventory.issues.map((i) => i.message).join('; ')}`);
  return inventory;
}

/** The cluster with `policies` in place of the expanded baseline. */
export function cluster(
  policies: readonly Raw[] = expandedPolicies(),
  workloads: readonly Raw[] = WORKLOADS,
): Inventory {
  return inventoryOf([...workloads, ...policies]);
}

/** The expanded policies with the ones named `ns/name` replaced (undefined removes). */
export function withPolicy(
  key: string,
  replacement: Raw | undefined,
  base: readonly Raw[] = expandedPolicies(),
): Raw[] {
  const keyOf = (p: Raw): string => {
    const m = p['metadata'] as { namespace?: string; name: string };
    return `${m.namespace ?? '*'}/${m.name}`;
  };
  const out = base.filter((p) => keyOf(p) !== key);
  if (out.length === base.length) throw new Error(`no policy ${key} in the fixture`);
  return replacement ? [...out, replacement] : out;
}

export const WEB = 'shop/web[Deployment]';
export const WORKER = 'shop/worker[Deployment]';
export const DB = 'payments/db[Deployment]';
export const DEV_WEB = 'dev/web[Deployment]';
export const COREDNS = 'kube-system/coredns[Deployment]';
export const ALL_V4 = '0.0.0.0-255.255.255.255[External]';
