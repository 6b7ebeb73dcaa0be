import { buildInventory } from '@fenceline/netpol';
import { createSnapshot } from './create-snapshot';
import { shopObjects } from '../../test/shop-objects';

const options = { collectedAt: '2025-01-02T03:04:05.000Z', source: { type: 'manifests' as const } };

describe('createSnapshot', () => {
  const snapshot = createSnapshot(buildInventory(shopObjects()), options);

  it('writes the header and the source', () => {
    expect(snapshot).toMatchObject({
      apiVersion: 'fenceline.dev/v1alpha1',
      kind: 'InventorySnapshot',
      schemaVersion: 2,
      collectedAt: '2025-01-02T03:04:05.000Z',
      source: { type: 'manifests' },
    });
    expect(snapshot.cluster).toBeUndefined();
    expect(
      createSnapshot(buildInventory([]), { ...options, cluster: { name: 'a' } }).cluster,
    ).toEqual({ name: 'a' });
  });

  it('keeps defined namespaces only, sorted, without the implicit name label', () => {
    expect(snapshot.namespaces).toEqual([
      { name: 'monitoring', labels: { team: 'ops' } },
      { name: 'shop', labels: { team: 'shop' } },
    ]);
    const referenced = buildInventory([
      {
        object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'elsewhere' } },
      },
    ]);
    expect(createSnapshot(referenced, options).namespaces).toEqual([]);
  });

  it('records pods sorted, with owners, template flags, IPs and ports', () => {
    expect(snapshot.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual([
      'monitoring/prom',
      'shop/api-7d9f-abcde',
      'shop/db',
      'shop/web',
    ]);
    expect(snapshot.pods[0]).toEqual({
      namespace: 'monitoring',
      name: 'prom',
      labels: { app: 'prom' },
      ips: ['10.1.0.9'],
      ports: [],
    });
    expect(snapshot.pods[1]).toEqual({
      namespace: 'shop',
      name: 'api-7d9f-abcde',
      labels: { app: 'api' },
      ips: ['10.1.0.5'],
      ports: [{ name: 'metrics', port: 9090, protocol: 'TCP' }],
      owner: { kind: 'ReplicaSet', name: 'api-7d9f' },
    });
    expect(snapshot.pods[2]).toEqual({
      namespace: 'shop',
      name: 'db',
      labels: { app: 'db' },
      ips: [],
      ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      owner: { kind: 'StatefulSet', name: 'db' },
      fromTemplate: true,
    });
  });

  it('records policies, services, exposures and ignored kinds', () => {
    expect(snapshot.policies.map((p) => p.name)).toEqual([
      'api',
      'db',
      'default-deny',
      'egress',
      'web',
    ]);
    expect(snapshot.policies[2]).toEqual({
      namespace: 'shop',
      name: 'default-deny',
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    expect(snapshot.services).toEqual([
      {
        namespace: 'shop',
        name: 'web',
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    ]);
    expect(snapshot.exposures).toEqual([
      {
        kind: 'Ingress',
        namespace: 'shop',
        name: 'web',
        service: 'web',
        port: { kind: 'servicePort', value: 80 },
      },
      {
        kind: 'Route',
        namespace: 'shop',
        name: 'web',
        service: 'web',
        port: { kind: 'targetPort', value: 8080 },
      },
      {
        kind: 'Route',
        namespace: 'shop',
        name: 'web-by-name',
        service: 'web',
        port: { kind: 'servicePort', value: 'http' },
      },
    ]);
    expect(snapshot.ignoredKinds).toEqual({ 'v1/ConfigMap': 1 });
  });

  it('does not depend on the order of the input objects', () => {
    const reversed = createSnapshot(buildInventory([...shopObjects()].reverse()), options);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(snapshot));
  });

  it('writes IPv6 addresses canonically and a Date as ISO 8601', () => {
    const inventory = buildInventory([
      {
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p', namespace: 'a' },
          status: { podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00:0:0::0001' }] },
        },
      },
    ]);
    const s = createSnapshot(inventory, {
      ...options,
      collectedAt: new Date(Date.UTC(2025, 0, 1)),
    });
    expect(s.pods[0]?.ips).toEqual(['10.0.0.1', 'fd00::1']);
    expect(s.collectedAt).toBe('2025-01-01T00:00:00.000Z');
  });
});
