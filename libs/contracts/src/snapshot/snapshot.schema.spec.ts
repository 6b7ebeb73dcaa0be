import { buildInventory } from '@fenceline/netpol';
import { createSnapshot } from './create-snapshot';
import { parseSnapshot } from './parse-snapshot';
import { inventorySnapshotSchema, type InventorySnapshot } from './snapshot.schema';
import { shopObjects } from '../../test/shop-objects';

function validSnapshot(): InventorySnapshot {
  return createSnapshot(buildInventory(shopObjects()), {
    collectedAt: '2025-01-02T03:04:05Z',
    source: {
      type: 'cluster',
      agentVersion: '0.1.0',
      cni: { name: 'cilium', enforcesNetworkPolicy: true },
    },
    cluster: { name: 'prod-eu-1' },
  });
}

const REMOVE = Symbol('remove');

/** A JSON copy of a valid snapshot with the value at `path` replaced (or removed). */
function broken(...edits: [readonly (string | number)[], unknown][]): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(validSnapshot()));
  for (const [path, value] of edits) {
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (value === REMOVE) delete node[last];
    else node[last] = value;
  }
  return copy;
}

function issuesOf(value: unknown): { path: string; message: string }[] {
  const result = parseSnapshot(value);
  if (result.ok) throw new Error('expected the snapshot to be rejected');
  return [...result.issues];
}

describe('inventorySnapshotSchema', () => {
  it('accepts what createSnapshot writes, unchanged', () => {
    const snapshot = validSnapshot();
    const result = inventorySnapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot)));
    expect(result.success).toBe(true);
    expect(result.data).toEqual(snapshot);
  });

  it('accepts a timestamp with an offset and a CNI that cannot tell', () => {
    const value = broken(
      [['collectedAt'], '2025-01-02T03:04:05.123+02:00'],
      [['source', 'cni', 'enforcesNetworkPolicy'], null],
    );
    expect(parseSnapshot(value).ok).toBe(true);
  });

  it.each<[string, (string | number)[], unknown, string, RegExp]>([
    [
      'a port out of range',
      ['pods', 1, 'ports', 0, 'port'],
      70000,
      'pods[1].ports[0].port',
      /<=65535/,
    ],
    [
      'an unknown protocol',
      ['services', 0, 'ports', 0, 'protocol'],
      'ICMP',
      'services[0].ports[0].protocol',
      /TCP/,
    ],
    ['an invalid IP', ['pods', 0, 'ips', 0], '10.1.0.300', 'pods[0].ips[0]', /IP address/],
    ['an unknown top-level key', ['extra'], true, '', /Unrecognized key: "extra"/],
    ['an unknown pod key', ['pods', 0, 'status'], 'Running', 'pods[0]', /Unrecognized key/],
    [
      'a non-string label value',
      ['pods', 0, 'labels', 'app.kubernetes.io/name'],
      1,
      'pods[0].labels["app.kubernetes.io/name"]',
      /string/,
    ],
    ['a bad timestamp', ['collectedAt'], 'yesterday', 'collectedAt', /datetime/],
    [
      'another apiVersion',
      ['apiVersion'],
      'fenceline.dev/v2',
      'apiVersion',
      /fenceline.dev\/v1alpha1/,
    ],
    ['another schema version', ['schemaVersion'], 3, 'schemaVersion', /./],
    [
      'an Ingress naming a target port',
      ['exposures', 0, 'port', 'kind'],
      'targetPort',
      'exposures[0].port',
      /servicePort/,
    ],
    [
      'a Route naming a service port by number',
      ['exposures', 1, 'port', 'kind'],
      'servicePort',
      'exposures[1].port',
      /Route/,
    ],
    [
      'a missing policy spec',
      ['policies', 0, 'spec'],
      REMOVE,
      'policies[0].spec',
      /expected record/,
    ],
    [
      'a negative ignored count',
      ['ignoredKinds', 'v1/ConfigMap'],
      -1,
      'ignoredKinds["v1/ConfigMap"]',
      />=0/,
    ],
  ])('rejects %s at its field path', (_name, at, value, path, message) => {
    const issues = issuesOf(broken([at, value]));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every problem, not only the first', () => {
    const issues = issuesOf(
      broken(
        [['pods', 0, 'ports'], [{ port: 0, protocol: 'TCP' }]],
        [['namespaces', 1, 'name'], ''],
      ),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'namespaces[1].name',
      'pods[0].ports[0].port',
    ]);
  });

  it('rejects values that are not snapshots at all', () => {
    expect(issuesOf(null)).toEqual([{ path: '', message: expect.stringMatching(/object/) }]);
    expect(issuesOf([]).length).toBe(1);
  });
});
