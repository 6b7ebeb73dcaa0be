import { diffBaselineContents, previewPromotion, type BaselineContent } from '../src/index';
import {
  ALL_V4,
  ALLOW_DNS,
  cluster,
  DB,
  DEFAULT_DENY,
  policy,
  SHOP_BASELINE,
  WEB,
  WEB_TO_DB,
  type Raw,
} from './shop-fixture';

const dbFromWeb = (port: unknown): Raw =>
  policy('db-from-web', 'payments', {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [
      {
        from: [
          {
            namespaceSelector: { matchLabels: { team: 'shop' } },
            podSelector: { matchLabels: { app: 'web' } },
          },
        ],
        ports: [port],
      },
    ],
  });

/**
 * Version 2 of the shop baseline: db admits 5433 instead of 5432, web is exposed on 8443
 * (web-ingress-tls) instead of 8080 (web-ingress), dev -> payments is no longer a guardrail,
 * web-reaches-db moves to 5433, shop may not reach kube-system, and only db pods are sensitive.
 */
const V2: BaselineContent = {
  scope: SHOP_BASELINE.scope,
  sensitive: {
    namespaceSelector: { matchLabels: { team: 'payments' } },
    podSelector: { matchLabels: { app: 'db' } },
  },
  policies: [
    DEFAULT_DENY,
    ALLOW_DNS,
    dbFromWeb({ port: 5433 }),
    WEB_TO_DB,
    policy('web-ingress-tls', 'shop', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8443 }] }],
    }),
  ],
  guardrails: [
    ...SHOP_BASELINE.guardrails.filter(
      (g) => g.name !== 'no-dev-to-payments' && g.name !== 'web-reaches-db',
    ),
    {
      type: 'deny',
      name: 'no-shop-to-kube-system',
      from: { namespaceSelector: { matchLabels: { team: 'shop' } } },
      to: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
    },
    {
      type: 'allow',
      name: 'web-reaches-db',
      from: { podSelector: { matchLabels: { app: 'web' } } },
      to: { podSelector: { matchLabels: { app: 'db' } } },
      ports: [{ port: 5433 }],
    },
  ],
};

// Applying V2 to the shop cluster: web -> db closes (web's egress still allows only 5432, db
// now admits only 5433), and External -> web moves from 8080 to 8443.
const V2_CONNECTIVITY = [
  { diffType: 'changed', src: ALL_V4, dst: WEB, before: 'TCP 8080', after: 'TCP 8443' },
  { diffType: 'removed', src: WEB, dst: DB, before: 'TCP 5432', after: 'No Connections' },
];

describe('diffBaselineContents', () => {
  it('lists added, removed and modified policies and guardrails, and selector changes', () => {
    expect(diffBaselineContents(SHOP_BASELINE, V2)).toEqual({
      policies: {
        added: ['shop/web-ingress-tls'],
        removed: ['shop/web-ingress'],
        modified: ['payments/db-from-web'],
      },
      guardrails: {
        added: ['no-shop-to-kube-system'],
        removed: ['no-dev-to-payments'],
        changed: ['web-reaches-db'],
      },
      scopeChanged: false,
      sensitiveChanged: true,
    });
  });

  it('sees no modification in a reformatted policy', () => {
    const reformatted = {
      ...SHOP_BASELINE,
      policies: SHOP_BASELINE.policies.map((p) =>
        (p['metadata'] as Raw)['name'] === 'db-from-web'
          ? dbFromWeb({ protocol: 'TCP', port: 5432, endPort: 5432 })
          : p,
      ),
    };
    expect(diffBaselineContents(SHOP_BASELINE, reformatted).policies).toEqual({
      added: [],
      removed: [],
      modified: [],
    });
  });

  it('computes the connectivity change on a reference inventory', () => {
    expect(diffBaselineContents(SHOP_BASELINE, V2, cluster()).connectivity).toEqual(
      V2_CONNECTIVITY,
    );
    // A first version is compared with the cluster's own policies, here equal to SHOP_BASELINE's.
    const first = diffBaselineContents(undefined, V2, cluster());
    expect(first.connectivity).toEqual(V2_CONNECTIVITY);
    expect(first.scopeChanged).toBe(true);
    expect(first.policies.added).toEqual([
      '*/allow-dns',
      '*/default-deny',
      'payments/db-from-web',
      'shop/web-ingress-tls',
      'shop/web-to-db',
    ]);
  });
});

describe('previewPromotion', () => {
  it('shows the connectivity change and the guardrails the candidate newly fails', () => {
    const preview = previewPromotion(SHOP_BASELINE, V2, cluster());
    expect(preview.connectivity).toEqual(V2_CONNECTIVITY);
    // Shop pods reach kube-dns on 53 (allow-dns): the new deny fails; web cannot reach db on 5433.
    expect(preview.newlyFailingGuardrails.map((f) => `${f.severity} ${f.subject}`)).toEqual([
      'critical guardrail no-shop-to-kube-system',
      'high guardrail web-reaches-db',
    ]);
  });

  it('does not count a guardrail already failing under the current version', () => {
    expect(previewPromotion(V2, V2, cluster())).toEqual({
      connectivity: [],
      newlyFailingGuardrails: [],
    });
  });

  it('with no current version, compares with the cluster as it is', () => {
    expect(previewPromotion(undefined, SHOP_BASELINE, cluster())).toEqual({
      connectivity: [],
      newlyFailingGuardrails: [],
    });
  });
});
