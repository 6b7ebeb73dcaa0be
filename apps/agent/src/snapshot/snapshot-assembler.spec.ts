import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { createSnapshot, parseSnapshot, snapshotContentHash } from '@fenceline/contracts';
import { buildInventory } from '@fenceline/netpol';
import {
  clusterNetworkPolicy,
  clusterNodes,
  ownerChainObjects,
  shopCluster,
} from '@fenceline/kube-fake';
import { controllerView, nodeView } from '../kube/object-views';
import { RESOURCES, served } from '../kube/resources';
import { contributionOf } from './object-contribution';
import { assembleSnapshot } from './snapshot-assembler';

type Raw = Record<string, unknown>;
const collectedAt = new Date('2026-11-26T10:00:00.000Z');
const source = {
  type: 'cluster' as const,
  agentVersion: '0.1.0',
  cni: { name: 'calico', enforcesNetworkPolicy: true },
};

/** What `fenceline snapshot` makes of the objects all at once. */
const whole = (objects: readonly Raw[], clusterName?: string) =>
  createSnapshot(buildInventory(objects.map((object) => ({ object }))), {
    collectedAt,
    source,
    ...(clusterName ? { cluster: { name: clusterName } } : {}),
  });

const assembled = async (objects: readonly Raw[], clusterName?: string) => {
  const result = await assembleSnapshot(
    objects.map((o, i) => contributionOf(o, `object ${i}`)),
    { collectedAt, source, ...(clusterName ? { clusterName } : {}) },
  );
  return { ...result, text: gunzipSync(result.prepared.body).toString('utf8') };
};

/** ReplicaSets and Jobs as the agent keeps them: metadata only; Nodes: labels and addresses. */
const asAgentKeepsIt = (o: Raw): Raw => {
  const def = RESOURCES.find(
    (r) => (r.role === 'chain' || r.role === 'node') && r.kind === o['kind'],
  );
  if (!def) return o;
  const resource = served(def, def.versions[0]!);
  return def.role === 'node' ? nodeView(resource, o) : controllerView(resource, o);
};

describe('assembleSnapshot', () => {
  const objects = shopCluster().filter((o) => o['kind'] !== 'DaemonSet');
  /** With the owner chains of a rollout and a CronJob, a ClusterNetworkPolicy and two nodes. */
  const chained = [
    ...objects,
    ...ownerChainObjects().map(asAgentKeepsIt),
    clusterNetworkPolicy(),
    ...clusterNodes().map(asAgentKeepsIt),
  ];

  it('carries the owner-chain links the pods reach and the cluster-scoped policies', async () => {
    const { text, prepared, issues } = await assembled(chained);
    expect(issues).toEqual([]);
    const expected = whole(chained);
    expect(JSON.parse(text)).toEqual(expected);
    expect(prepared.contentHash).toBe(snapshotContentHash(expected));
    // The old ReplicaSet (scaled to zero, no pod) is left out: its coming and going is no change.
    expect(expected.controllers).toEqual([
      {
        kind: 'Job',
        namespace: 'shop',
        name: 'report-29000000',
        owner: { kind: 'CronJob', name: 'report' },
      },
      {
        kind: 'ReplicaSet',
        namespace: 'shop',
        name: 'checkout-6f8d9b',
        owner: { kind: 'Deployment', name: 'checkout' },
      },
    ]);
    expect(expected.clusterPolicies.map((p) => `${p.kind}/${p.name}`)).toEqual([
      'AdminNetworkPolicy/pci-isolation',
      'ClusterNetworkPolicy/payments-walls',
    ]);
    // Hand-checked against the fixture: IPs only (no Hostname entries), sorted.
    expect(expected.nodes?.map((n) => `${n.name} ${n.addresses.join(',')}`)).toEqual([
      'cp-1 10.0.0.10,203.0.113.10',
      'worker-1 10.0.0.11',
    ]);
    const withoutOld = chained.filter((o) => (o['metadata'] as Raw)['name'] !== 'checkout-55c4d7');
    expect((await assembled(withoutOld)).prepared.contentHash).toBe(prepared.contentHash);
  });

  it('builds, object by object, the snapshot createSnapshot builds from all of them, with its content hash', async () => {
    const { text, prepared } = await assembled(objects, 'prod-eu');
    const parsed = parseSnapshot(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    const expected = whole(objects, 'prod-eu');
    expect(JSON.parse(text)).toEqual(expected);
    expect(prepared.contentHash).toBe(snapshotContentHash(expected));
    expect(prepared.counts).toEqual({ namespaces: 4, pods: 6, policies: 4, services: 1 });
    expect(prepared.rawBytes).toBe(Buffer.byteLength(text));
  });

  it('writes the lists createSnapshot writes even empty, and leaves out nodes when none are known', async () => {
    const { text, prepared } = await assembled([]);
    expect(JSON.parse(text)).toEqual(whole([]));
    expect(Object.keys(JSON.parse(text) as Raw)).not.toContain('nodes');
    expect(prepared.contentHash).toBe(snapshotContentHash(whole([])));
  });

  it('reports the issues of invalid objects and leaves them out, as the CLI does', async () => {
    const invalid = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'bad', namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 7 } } },
    };
    const { text, issues } = await assembled([...objects, invalid]);
    expect(JSON.parse(text)).toEqual(whole([...objects, invalid]));
    expect(
      issues.map(
        (i) => `${i.object.kind} ${i.object.namespace}/${i.object.name} ${i.path} ${i.code}`,
      ),
    ).toEqual(['NetworkPolicy shop/bad spec.podSelector.matchLabels.app INVALID_TYPE']);
  });

  // Any subset of the objects, relabelled at random, in any order: the same snapshot and hash.
  it('equals createSnapshot for any subset, order and relabelling of the objects (property)', async () => {
    const relabel = fc.dictionary(
      fc.constantFrom('app', 'tier', 'team', 'pci'),
      fc.constantFrom('web', 'db', 'true', 'payments-api', ''),
      { maxKeys: 2 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(chained),
        fc.array(relabel, { minLength: chained.length, maxLength: chained.length }),
        async (subset, labels) => {
          const changed = subset.map((o, i) => {
            const metadata = o['metadata'] as Raw;
            return {
              ...o,
              metadata: {
                ...metadata,
                labels: { ...(metadata['labels'] as object), ...labels[i] },
              },
            };
          });
          const { text, prepared } = await assembled(changed);
          const expected = whole(changed);
          expect(JSON.parse(text)).toEqual(expected);
          expect(prepared.contentHash).toBe(snapshotContentHash(expected));
        },
      ),
      { numRuns: Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300) },
    );
  });
});
