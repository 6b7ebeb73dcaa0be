import { ingressControllerConnections } from '../connlist/ingress-controller';
import { DEFAULT_OPTIONS } from '../reference/traffic';
import { buildInventory } from './build-inventory';
import { inventoryWarnings } from './inventory-warnings';

const build = (...objects: unknown[]) =>
  buildInventory(objects.map((object, i) => ({ object, source: `m.yaml#${i + 1}` })));

const web = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'm', ports: [{ name: 'http', containerPort: 8080 }] }] },
    },
  },
};
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
};
const ingress = (name: string, port: object, serviceName = 'web') => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace: 'shop' },
  spec: { defaultBackend: { service: { name: serviceName, port } } },
});
const route = (name: string, targetPort: number | string) => ({
  apiVersion: 'route.openshift.io/v1',
  kind: 'Route',
  metadata: { name, namespace: 'shop' },
  spec: { to: { kind: 'Service', name: 'web' }, port: { targetPort } },
});

const brokenRouteWarnings = (inventory: ReturnType<typeof build>) =>
  inventoryWarnings(inventory).filter((w) => w.includes('broken route'));

describe('inventoryWarnings: broken routes', () => {
  it.each<[string, object, string[]]>([
    [
      'an Ingress naming a port number the Service does not expose',
      ingress('web', { number: 8443 }),
      [
        'Ingress shop/web backend service web port 8443: the Service exposes no such port (a broken route); it yields no reachability',
      ],
    ],
    [
      'an Ingress naming a port name the Service does not expose',
      ingress('web', { name: 'https' }),
      [
        'Ingress shop/web backend service web port https: the Service exposes no such port (a broken route); it yields no reachability',
      ],
    ],
    // The named targetPort resolves per pod: whether it reaches 9999 is the pods' business.
    ['a Route naming a target port a named targetPort may resolve to', route('web', 9999), []],
    ['an Ingress naming the service port', ingress('web', { number: 80 }), []],
    ['an Ingress naming the service port by name', ingress('web', { name: 'http' }), []],
    ['a Route naming the service port by name', route('web', 'http'), []],
    ['an Ingress to a Service not in the input', ingress('web', { number: 8443 }, 'other'), []],
  ])('%s', (_name, exposure, expected) => {
    expect(brokenRouteWarnings(build(web, service, exposure))).toEqual(expected);
  });

  it('names a Route whose target port number no service port targets', () => {
    const numbered = {
      ...service,
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    };
    expect(brokenRouteWarnings(build(web, numbered, route('shop-route', 9090)))).toEqual([
      'Route shop/shop-route backend service web target port 9090: no port of the Service targets it (a broken route); it yields no reachability',
    ]);
    expect(brokenRouteWarnings(build(web, numbered, route('shop-route', 8080)))).toEqual([]);
  });

  it('warns once per backend even when several rules repeat it, and the route yields no row', () => {
    const twice = {
      ...ingress('web', { number: 8443 }),
      spec: {
        rules: [1, 2].map(() => ({
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { number: 8443 } } },
              },
            ],
          },
        })),
      },
    };
    const inventory = build(web, service, twice);
    expect(brokenRouteWarnings(inventory)).toHaveLength(1);
    expect(ingressControllerConnections(inventory, DEFAULT_OPTIONS)).toEqual([]);
    const working = build(web, service, ingress('web', { number: 80 }));
    expect(ingressControllerConnections(working, DEFAULT_OPTIONS).map((r) => r.dst)).toEqual([
      'shop/web[Deployment]',
    ]);
  });
});
