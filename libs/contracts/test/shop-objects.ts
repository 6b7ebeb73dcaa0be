import type { SourcedObject } from '@fenceline/netpol';

const meta = (name: string, namespace: string, labels: Record<string, string> = {}) => ({
  name,
  namespace,
  labels,
});

const deployment = (
  kind: string,
  name: string,
  labels: Record<string, string>,
  ports: unknown[],
) => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: meta(name, 'shop'),
  spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'main', ports }] } } },
});

const policy = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: meta(name, 'shop'),
  spec,
});

/**
 * A small shop: web (Deployment, named port http=8080), db (StatefulSet, pg=5432), a running api
 * pod owned by a ReplicaSet, a monitoring pod, default deny both ways in shop, and a web Service
 * exposed by an Ingress and two Routes.
 */
export function shopObjects(): SourcedObject[] {
  const objects: unknown[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'shop' } } },
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'monitoring', labels: { team: 'ops' } },
    },
    deployment('Deployment', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]),
    deployment('StatefulSet', 'db', { app: 'db' }, [{ name: 'pg', containerPort: 5432 }]),
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...meta('api-7d9f-abcde', 'shop', { app: 'api' }),
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9f', controller: true },
        ],
      },
      spec: { containers: [{ name: 'api', ports: [{ name: 'metrics', containerPort: 9090 }] }] },
      status: { phase: 'Running', podIP: '10.1.0.5', podIPs: [{ ip: '10.1.0.5' }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('prom', 'monitoring', { app: 'prom' }),
      spec: { containers: [{ name: 'prom' }] },
      status: { podIPs: [{ ip: '10.1.0.9' }] },
    },
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('web', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 'http' }] }],
    }),
    policy('db', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [
        {
          from: [
            {
              podSelector: {
                matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }],
              },
            },
          ],
          ports: [{ port: 'pg' }],
        },
      ],
    }),
    policy('api', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }],
          ports: [{ port: 9090 }],
        },
      ],
    }),
    policy('egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 'pg' }] },
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }],
          ports: [{ port: 443 }],
        },
        { ports: [{ protocol: 'UDP', port: 53 }] },
      ],
    }),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('web', 'shop'),
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('web', 'shop'),
      spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
    },
    {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: meta('web', 'shop'),
      spec: { to: { kind: 'Service', name: 'web' }, port: { targetPort: 8080 } },
    },
    {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: meta('web-by-name', 'shop'),
      spec: { to: { kind: 'Service', name: 'web' }, port: { targetPort: 'http' } },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings', 'shop') },
  ];
  return objects.map((object, i) => ({ object, source: `shop.yaml#${i + 1}` }));
}
