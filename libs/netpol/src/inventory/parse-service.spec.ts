import { buildInventory } from './build-inventory';
import type { Exposure } from './inventory';

const build = (...objects: unknown[]) =>
  buildInventory(objects.map((object, i) => ({ object, source: `m.yaml#${i + 1}` })));
const meta = (name: string, namespace?: string) => ({
  metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
});

describe('Services, Ingresses and Routes in the inventory', () => {
  const svc = (spec: object) => ({
    apiVersion: 'v1',
    kind: 'Service',
    ...meta('web', 'shop'),
    spec,
  });
  const exposed = (exposures: readonly Exposure[]) =>
    exposures.map(
      (e) =>
        `${e.ref.kind} ${e.namespace}/${e.service} ${e.port ? `${e.port.kind}=${e.port.value}` : '*'}`,
    );

  it('parses selector and ports; targetPort defaults to port', () => {
    const ports = [
      { name: 'http', port: 80, targetPort: 8080 },
      { port: 53, protocol: 'UDP' },
      { port: 443, targetPort: 'https' },
    ];
    const inv = build(svc({ selector: { app: 'web' }, ports }), {
      ...svc({}),
      metadata: { name: 'ext', namespace: 'shop' },
    });
    expect(inv.services.map((s) => [s.name, s.namespace, s.selector, s.ports])).toEqual([
      [
        'web',
        'shop',
        { app: 'web' },
        [
          { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
          { name: undefined, port: 53, targetPort: 53, protocol: 'UDP' },
          { name: undefined, port: 443, targetPort: 'https', protocol: 'TCP' },
        ],
      ],
      ['ext', 'shop', undefined, []],
    ]);
  });

  // Service API: if spec.selector is "empty or not present", an external process manages the
  // endpoints, so the service selects no pods.
  it('treats an empty selector as no selector', () => {
    expect(
      build(svc({ selector: {}, ports: [{ port: 80 }] })).services[0]?.selector,
    ).toBeUndefined();
  });

  it('reads Ingress v1 backends: port number, port name, defaultBackend; skips resource backends', () => {
    const backend = (name: string, port: object) => ({ service: { name, port } });
    const paths = [
      { path: '/', pathType: 'Prefix', backend: backend('web', { number: 8080 }) },
      { path: '/api', pathType: 'Prefix', backend: backend('api', { name: 'http' }) },
      {
        path: '/s',
        pathType: 'Prefix',
        backend: { resource: { apiGroup: 'x.io', kind: 'Bucket', name: 's' } },
      },
    ];
    const spec = {
      defaultBackend: backend('fallback', { number: 80 }),
      rules: [{ host: 'a.example', http: { paths } }],
    };
    const inv = build({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      ...meta('ing', 'shop'),
      spec,
    });
    expect(exposed(inv.exposures).sort()).toEqual([
      'Ingress shop/api servicePort=http',
      'Ingress shop/fallback servicePort=80',
      'Ingress shop/web servicePort=8080',
    ]);
  });

  it('reads legacy Ingress backends (serviceName/servicePort)', () => {
    const paths = [{ path: '/', backend: { serviceName: 'web', servicePort: 'http' } }];
    const spec = {
      backend: { serviceName: 'legacy', servicePort: 80 },
      rules: [{ http: { paths } }],
    };
    const inv = build({ apiVersion: 'extensions/v1beta1', kind: 'Ingress', ...meta('ing'), spec });
    expect(exposed(inv.exposures).sort()).toEqual([
      'Ingress default/legacy servicePort=80',
      'Ingress default/web servicePort=http',
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a number: a target port', { targetPort: 8080 }, 'targetPort=8080'],
    ['a name: a service port', { targetPort: 'http' }, 'servicePort=http'],
    ['absent: every port', undefined, '*'],
  ])('reads Route targetPort as %s, for spec.to and alternateBackends', (_name, port, expected) => {
    const spec = {
      to: { kind: 'Service', name: 'web' },
      port,
      alternateBackends: [{ kind: 'Service', name: 'canary', weight: 10 }],
    };
    const inv = build({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      ...meta('r', 'shop'),
      spec,
    });
    expect(exposed(inv.exposures)).toEqual([
      `Route shop/web ${expected}`,
      `Route shop/canary ${expected}`,
    ]);
  });
});
