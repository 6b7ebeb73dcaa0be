import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnapshot, snapshotToObjects, type InventorySnapshot } from '@fenceline/contracts';
import {
  buildInventory,
  loadPaths,
  METADATA_ONLY_ANNOTATION,
  workloadName,
} from '@fenceline/netpol';
import { stringify } from 'yaml';
import { parseAgentConfig, type AgentConfig } from './config/agent-config';
import { AgentMetrics } from './health/agent-metrics';
import { silentLogger } from './log/logger';
import { runAgent, type RunningAgent } from './run-agent';
import { Spool } from './push/spool';
import { prepareSnapshot } from './snapshot/prepared-snapshot';
import {
  CLUSTER_NETWORK_POLICY_CRD,
  clusterNetworkPolicy,
  clusterNode,
  clusterNodes,
  FakeKubeApi,
  FIXTURE_CRDS,
  ownerChainObjects,
  pod,
  shopCluster,
} from '@fenceline/kube-fake';
import { RecordingIngest } from '../test/recording-ingest';

type Raw = Record<string, unknown>;

/** What `fenceline snapshot <dir>` prints for these objects (manifests → inventory → snapshot), written to YAML files. */
function cliSnapshotOf(objects: readonly Raw[]): InventorySnapshot {
  const dir = mkdtempSync(join(tmpdir(), 'fenceline-objects-'));
  writeFileSync(join(dir, 'cluster.yaml'), objects.map((o) => stringify(o)).join('---\n'));
  return createSnapshot(buildInventory(loadPaths([dir]).objects), {
    collectedAt: '2026-01-01T00:00:00Z',
    source: { type: 'manifests' },
  });
}

/** The agent reads namespaces, pods, services, policies (the CNIs' own too) and ingresses; workloads only feed CNI detection. */
const agentReadable = (objects: readonly Raw[]) => objects.filter((o) => o['kind'] !== 'DaemonSet');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const comparable = (s: InventorySnapshot) => ({ ...s, collectedAt: undefined, source: undefined });

const until = async (what: string, check: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Polls an asynchronous condition (a metric the agent updates as it goes). */
const untilAsync = async (what: string, check: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('the agent against a Kubernetes API server (list and watch protocol)', () => {
  let kube: FakeKubeApi;
  let ingest: RecordingIngest;
  let agent: RunningAgent | undefined;
  let dir: string;

  beforeEach(async () => {
    kube = await FakeKubeApi.start({ token: 'kube-token', bookmarkIntervalMs: 200 });
    for (const crd of FIXTURE_CRDS) kube.addResource(crd);
    for (const object of shopCluster()) kube.apply(object);
    ingest = await RecordingIngest.start();
    dir = mkdtempSync(join(tmpdir(), 'fenceline-agent-'));
  });
  afterEach(async () => {
    await agent?.stop(1_000);
    agent = undefined;
    await kube.stop();
    await ingest.stop();
  });

  const config = (extra: string[] = []): AgentConfig => {
    const parsed = parseAgentConfig(
      [
        '--api-url',
        ingest.url,
        '--token',
        'agent-token',
        '--kubeconfig',
        kube.writeKubeconfig(dir),
        '--health-port',
        '0',
        '--debounce',
        '300ms',
        '--page-size',
        '3',
        '--max-backoff',
        '1s',
        ...extra,
      ],
      {},
    );
    if (parsed.ok !== true) throw new Error(JSON.stringify(parsed));
    return parsed.config;
  };
  const start = async (extra: string[] = []): Promise<RunningAgent> => {
    agent = await runAgent(config(extra), {
      log: silentLogger(),
      metrics: new AgentMetrics({ defaultMetrics: false }),
    });
    return agent;
  };
  const lastPush = (): InventorySnapshot => ingest.pushes[ingest.pushes.length - 1]!.snapshot;
  /** The running agent's metric, summed over the series that carry `labels`. */
  const metric = async (name: string, labels: Record<string, string> = {}): Promise<number> => {
    const found = agent!.metrics.registry.getSingleMetric(name);
    if (!found) throw new Error(`no metric ${name}`);
    const { values } = await found.get();
    return values
      .filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
      .reduce((sum, v) => sum + v.value, 0);
  };
  const BUILDS = 'fenceline_agent_snapshot_builds_total';
  const EVENTS = 'fenceline_agent_watch_events_total';
  const CHANGES_PENDING = 'fenceline_agent_changes_pending';
  /** Every change the agent has seen is built (and delivered unless unchanged). */
  const changesBuilt = async () => (await metric(CHANGES_PENDING)) === 0;

  it('pushes what `fenceline snapshot` makes of the same objects, with the CNI and its own policy objects', async () => {
    await start(['--cluster-name', 'prod-eu']);
    const [first] = await ingest.waitForPushes(1);
    expect(first!.token).toBe('agent-token');
    expect(first!.encoding).toBe('gzip');
    const expected = cliSnapshotOf(agentReadable(shopCluster()));
    expect(comparable(first!.snapshot)).toEqual(
      comparable({ ...expected, cluster: { name: 'prod-eu' } }),
    );
    expect(first!.snapshot.source).toEqual({
      type: 'cluster',
      agentVersion: '0.1.0',
      cni: { name: 'calico', enforcesNetworkPolicy: true },
    });
    // Hand-checked against the fixture: the Succeeded job pod is left out, the hostNetwork pod kept.
    expect(first!.snapshot.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual([
      'monitoring/node-exporter-x1',
      'monitoring/prometheus-0',
      'payments/api-0',
      'payments/db-5f6c7-abcde',
      'shop/web-7d4b9c-q9z7m',
      'shop/web-7d4b9c-x2k8p',
    ]);
    // The fixture's Calico policies are carried as written (cniObjects), no longer only counted.
    expect(first!.snapshot.ignoredKinds).toEqual({});
    const cniObjects = first!.snapshot.schemaVersion === 2 ? first!.snapshot.cniObjects : [];
    expect(
      cniObjects?.map((o) => `${o.apiVersion} ${o.kind} ${o.namespace ?? ''}/${o.name}`),
    ).toEqual([
      'crd.projectcalico.org/v1 GlobalNetworkPolicy /default.deny-egress',
      'crd.projectcalico.org/v1 NetworkPolicy shop/default.allow-dns',
    ]);
    // The AdminNetworkPolicy is evaluated now: carried whole, no longer only counted.
    const pushed = first!.snapshot;
    expect(pushed.schemaVersion === 2 && pushed.clusterPolicies.map((p) => p.name)).toEqual([
      'pci-isolation',
    ]);
    // Lists were paginated (page size 3) and every watch asked for bookmarks from the list's version.
    const podLists = kube.requests.filter(
      (r) => r.path === '/api/v1/pods' && r.query['watch'] === undefined,
    );
    expect(podLists.length).toBe(3);
    expect(podLists.slice(1).every((r) => r.query['continue'])).toBe(true);
    await until('the pod watch', () =>
      kube.requests.some((r) => r.path === '/api/v1/pods' && r.query['watch'] === 'true'),
    );
    const podWatch = kube.requests.find(
      (r) => r.path === '/api/v1/pods' && r.query['watch'] === 'true',
    )!;
    expect(podWatch.query['allowWatchBookmarks']).toBe('true');
    expect(Number(podWatch.query['resourceVersion'])).toBeGreaterThan(0);
  });

  it('carries a ClusterNetworkPolicy created later, and the owner chain that names pods by their Deployment and CronJob', async () => {
    kube.addResource(CLUSTER_NETWORK_POLICY_CRD);
    for (const object of ownerChainObjects()) kube.apply(object);
    await start();
    const [first] = await ingest.waitForPushes(1);
    const named = (snapshot: InventorySnapshot) =>
      buildInventory(snapshotToObjects(snapshot))
        .pods.filter((p) => p.namespace === 'shop')
        .map((p) => `${p.name} => ${workloadName(p.workload)}`);
    expect(named(first!.snapshot)).toEqual([
      'checkout-6f8d9b-a1b2c => shop/checkout[Deployment]',
      'checkout-6f8d9b-d3e4f => shop/checkout[Deployment]',
      'report-29000000-zz9x8 => shop/report[CronJob]',
      // No ReplicaSet object for these pods in the fixture: a missing link keeps the direct owner.
      'web-7d4b9c-q9z7m => shop/web-7d4b9c[ReplicaSet]',
      'web-7d4b9c-x2k8p => shop/web-7d4b9c[ReplicaSet]',
    ]);
    // Metadata only, and only the links pods reach (the old ReplicaSet is not sent).
    expect(first!.snapshot.schemaVersion === 2 && first!.snapshot.controllers).toEqual([
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
    expect(first!.snapshot.pods.some((p) => p.fromTemplate)).toBe(false);

    await until('watches', () =>
      kube.requests.some(
        (r) => r.path.endsWith('/clusternetworkpolicies') && r.query['watch'] === 'true',
      ),
    );
    kube.apply(clusterNetworkPolicy());
    await ingest.waitForPushes(2);
    const second = lastPush();
    expect(second.schemaVersion === 2 && second.clusterPolicies).toEqual([
      expect.objectContaining({ kind: 'AdminNetworkPolicy', name: 'pci-isolation' }),
      {
        apiVersion: 'policy.networking.k8s.io/v1alpha2',
        kind: 'ClusterNetworkPolicy',
        name: 'payments-walls',
        spec: clusterNetworkPolicy()['spec'],
      },
    ]);
    const rebuilt = buildInventory(snapshotToObjects(second));
    expect(rebuilt.issues).toEqual([]);
    expect(rebuilt.clusterPolicies.map((p) => `${p.tier} ${p.name}`)).toEqual(
      expect.arrayContaining(['Admin payments-walls']),
    );
  });

  it('carries the nodes (labels and IPs) as `fenceline snapshot` does, and follows an address change', async () => {
    for (const node of clusterNodes()) kube.apply(node);
    await start();
    const [first] = await ingest.waitForPushes(1);
    const withNodes = [...agentReadable(shopCluster()), ...clusterNodes()];
    expect(comparable(first!.snapshot)).toEqual(comparable(cliSnapshotOf(withNodes)));
    const nodes = first!.snapshot.schemaVersion === 2 ? first!.snapshot.nodes : undefined;
    expect(nodes?.map((n) => `${n.name} ${n.addresses.join(',')}`)).toEqual([
      'cp-1 10.0.0.10,203.0.113.10',
      'worker-1 10.0.0.11',
    ]);
    expect(buildInventory(snapshotToObjects(first!.snapshot)).nodesKnown).toBe(true);

    await until('the node watch', () =>
      kube.requests.some((r) => r.path === '/api/v1/nodes' && r.query['watch'] === 'true'),
    );
    kube.apply(clusterNode('worker-1', {}, [['InternalIP', '10.0.0.12']]));
    await ingest.waitForPushes(2);
    const second = lastPush();
    expect(second.schemaVersion === 2 && second.nodes?.map((n) => n.addresses)).toEqual([
      ['10.0.0.10', '203.0.113.10'],
      ['10.0.0.12'],
    ]);
  });

  it('pushes all that `fenceline snapshot` makes of ReplicaSets, Jobs, Nodes and cluster policies together, listed and then watched', async () => {
    kube.addResource(CLUSTER_NETWORK_POLICY_CRD);
    const baseline = {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: {
        subject: { namespaces: {} },
        ingress: [{ name: 'deny-other', action: 'Deny', from: [{ namespaces: {} }] }],
      },
    };
    for (const object of [
      ...ownerChainObjects(),
      ...clusterNodes(),
      clusterNetworkPolicy(),
      baseline,
    ])
      kube.apply(object);
    // ReplicaSets and Jobs as the README says the agent keeps them: metadata only (namespace,
    // name, controller owner), marked so that the CLI reads them as links, not templates.
    const asLink = (o: Raw): Raw => {
      if (o['kind'] !== 'ReplicaSet' && o['kind'] !== 'Job') return o;
      const { name, namespace, ownerReferences } = o['metadata'] as Raw;
      const owner = (ownerReferences as Raw[] | undefined)?.find((r) => r['controller'] === true);
      return {
        apiVersion: o['apiVersion'],
        kind: o['kind'],
        metadata: {
          name,
          namespace,
          annotations: { [METADATA_ONLY_ANNOTATION]: 'true' },
          ...(owner
            ? { ownerReferences: [{ kind: owner['kind'], name: owner['name'], controller: true }] }
            : {}),
        },
      };
    };
    const cli = () => ({
      ...cliSnapshotOf(agentReadable(kube.allObjects()).map(asLink)),
      cluster: { name: 'prod-eu' },
    });
    await start(['--cluster-name', 'prod-eu']);
    const [first] = await ingest.waitForPushes(1);
    // Whole but for collectedAt and source (the CLI's says `manifests`; the agent's is below).
    expect(comparable(first!.snapshot)).toEqual(comparable(cli()));
    expect(first!.snapshot.source).toEqual({
      type: 'cluster',
      agentVersion: '0.1.0',
      cni: { name: 'calico', enforcesNetworkPolicy: true },
    });
    // The equality covers every kind at once (hand-checked against the fixtures).
    const v2 = first!.snapshot.schemaVersion === 2 ? first!.snapshot : undefined;
    expect(v2?.controllers.map((c) => `${c.kind}/${c.name}`)).toEqual([
      'Job/report-29000000',
      'ReplicaSet/checkout-6f8d9b',
    ]);
    expect(v2?.nodes?.map((n) => n.name)).toEqual(['cp-1', 'worker-1']);
    expect(v2?.clusterPolicies.map((p) => `${p.kind}/${p.name}`)).toEqual([
      'AdminNetworkPolicy/pci-isolation',
      'BaselineAdminNetworkPolicy/default',
      'ClusterNetworkPolicy/payments-walls',
    ]);

    // One change to each of them through its watch: a rollout (new ReplicaSet, its pod, the
    // old pods gone), the Job finished and removed, a node relabelled, a cluster policy edited.
    const changes = async (resource: string) => {
      let sum = 0;
      for (const type of ['ADDED', 'MODIFIED', 'DELETED'])
        sum += await metric(EVENTS, { resource, type });
      return sum;
    };
    const watched = {
      'apps/replicasets': 1,
      'batch/jobs': 1,
      'core/nodes': 1,
      'policy.networking.k8s.io/clusternetworkpolicies': 1,
      'core/pods': 3,
    };
    const events = () => Promise.all(Object.keys(watched).map(changes));
    const before = await events();
    kube.apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'checkout-7a7a7a',
        namespace: 'shop',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout', controller: true },
        ],
      },
      spec: { replicas: 1, selector: { matchLabels: { app: 'checkout' } } },
    });
    kube.apply(
      pod(
        'shop',
        'checkout-7a7a7a-n3w00',
        { app: 'checkout', 'pod-template-hash': '7a7a7a' },
        { ip: '10.0.1.32', owner: ['ReplicaSet', 'checkout-7a7a7a'] },
      ),
    );
    for (const name of ['checkout-6f8d9b-a1b2c', 'checkout-6f8d9b-d3e4f'])
      kube.remove('v1', 'Pod', 'shop', name);
    kube.remove('batch/v1', 'Job', 'shop', 'report-29000000');
    kube.apply(clusterNode('worker-1', { zone: 'b' }, [['InternalIP', '10.0.0.11']]));
    kube.apply({
      ...clusterNetworkPolicy(),
      spec: { ...(clusterNetworkPolicy()['spec'] as Raw), priority: 6 },
    });
    const after = Object.values(watched).map((n, i) => n + before[i]!);
    await untilAsync('an event from each watch', async () =>
      (await events()).every((n, i) => n >= after[i]!),
    );
    await untilAsync(
      'the changes built and pushed',
      async () =>
        (await changesBuilt()) && (await metric('fenceline_agent_pending_snapshot')) === 0,
    );
    const last = lastPush();
    expect(comparable(last)).toEqual(comparable(cli()));
    expect(last.schemaVersion === 2 && last.controllers.map((c) => c.name)).toEqual([
      'checkout-7a7a7a',
    ]);
  });

  it('keeps working without nodes when RBAC forbids them (403): nodes unknown', async () => {
    for (const node of clusterNodes()) kube.apply(node);
    kube.forbid('nodes');
    await start();
    const [first] = await ingest.waitForPushes(1);
    expect(comparable(first!.snapshot)).toEqual(
      comparable(cliSnapshotOf(agentReadable(shopCluster()))),
    );
    expect(Object.keys(first!.snapshot)).not.toContain('nodes');
    expect(buildInventory(snapshotToObjects(first!.snapshot)).nodesKnown).toBe(false);
    expect(kube.requests.some((r) => r.path === '/api/v1/nodes')).toBe(true);
    // Still following the rest of the cluster.
    kube.remove('networking.k8s.io/v1', 'NetworkPolicy', 'payments', 'db-from-api');
    await ingest.waitForPushes(2);
    expect(lastPush().policies.some((p) => p.name === 'db-from-api')).toBe(false);
  });

  it('--once without the nodes grant pushes the snapshot without nodes and exits 0', async () => {
    for (const node of clusterNodes()) kube.apply(node);
    kube.forbid('nodes');
    const once = await start(['--once']);
    expect(await once.done).toBe(0);
    expect(ingest.pushes).toHaveLength(1);
    expect(comparable(ingest.pushes[0]!.snapshot)).toEqual(
      comparable(cliSnapshotOf(agentReadable(shopCluster()))),
    );
  });

  it('pushes a pod relabel once its debounce fires, coalescing a burst into one build and push', async () => {
    await start();
    await ingest.waitForPushes(1);
    await until('watches', () => kube.openWatches >= 6);
    const modifiedBefore = await metric(EVENTS, { resource: 'core/pods', type: 'MODIFIED' });
    expect(await metric(BUILDS, { trigger: 'change' })).toBe(0);
    for (const tier of ['a', 'b', 'c']) {
      kube.apply(
        pod(
          'payments',
          'db-5f6c7-abcde',
          { app: 'db', tier },
          {
            ip: '10.0.2.20',
            owner: ['ReplicaSet', 'db-5f6c7'],
            ports: [{ containerPort: 5432, protocol: 'TCP' }],
          },
        ),
      );
    }
    await ingest.waitForPushes(2);
    await untilAsync('the burst built', changesBuilt);
    // Three changes seen, one snapshot built and pushed for them: the burst was coalesced (the
    // timing of the quiet period itself is debounce.spec.ts's, on a manual clock).
    expect(await metric(EVENTS, { resource: 'core/pods', type: 'MODIFIED' })).toBe(
      modifiedBefore + 3,
    );
    expect(await metric(BUILDS, { trigger: 'change' })).toBe(1);
    expect(ingest.pushes).toHaveLength(2);
    expect(lastPush().pods.find((p) => p.name === 'db-5f6c7-abcde')?.labels).toEqual({
      app: 'db',
      tier: 'c',
    });
  });

  it('does not push for changes the snapshot does not read (pod status heartbeats)', async () => {
    await start();
    await ingest.waitForPushes(1);
    await until('watches', () => kube.openWatches >= 6);
    const current = kube
      .objects('v1', 'Pod')
      .find((p) => (p['metadata'] as Raw)['name'] === 'api-0')!;
    const modifiedBefore = await metric(EVENTS, { resource: 'core/pods', type: 'MODIFIED' });
    kube.apply({
      ...current,
      status: { ...(current['status'] as Raw), conditions: [{ type: 'Ready', status: 'False' }] },
    });
    await untilAsync(
      'the heartbeat to reach the agent',
      async () =>
        (await metric(EVENTS, { resource: 'core/pods', type: 'MODIFIED' })) > modifiedBefore,
    );
    // The agent holds the event, and it changed nothing the snapshot reads: no push is coming.
    expect(await metric(CHANGES_PENDING)).toBe(0);
    expect(await metric(BUILDS, { trigger: 'change' })).toBe(0);
    expect(ingest.pushes).toHaveLength(1);
  });

  it('relists after 410 Gone and keeps following changes', async () => {
    await start();
    await ingest.waitForPushes(1);
    await until('watches', () => kube.openWatches >= 6);
    // In one tick (no bookmark in between): the pod watch's version falls behind a compaction.
    kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bump' } });
    kube.remove('v1', 'Namespace', undefined, 'bump');
    kube.compact();
    kube.closeWatches();
    kube.remove('v1', 'Pod', 'shop', 'web-7d4b9c-q9z7m');
    await ingest.waitForPushes(2);
    expect(lastPush().pods.some((p) => p.name === 'web-7d4b9c-q9z7m')).toBe(false);
    // The resumed watch got 410 (its version was compacted away), so pods were listed again.
    await until(
      'a relist of pods',
      () =>
        kube.requests.filter(
          (r) =>
            r.path === '/api/v1/pods' && r.query['watch'] === undefined && !r.query['continue'],
        ).length === 2,
    );
    kube.apply(
      pod(
        'shop',
        'web-7d4b9c-n3w',
        { app: 'web' },
        { ip: '10.0.1.12', owner: ['ReplicaSet', 'web-7d4b9c'] },
      ),
    );
    await ingest.waitForPushes(3);
    expect(lastPush().pods.some((p) => p.name === 'web-7d4b9c-n3w')).toBe(true);
  });

  it('resumes a closed watch from the last bookmark without relisting', async () => {
    await start();
    await ingest.waitForPushes(1);
    await until('watches', () => kube.openWatches >= 6);
    const before = kube.resourceVersion;
    kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'unrelated-bump' } });
    kube.remove('v1', 'Namespace', undefined, 'unrelated-bump');
    // Two more pod-watch bookmarks (every 200 ms): the second was surely sent after the bump.
    const bookmarks = await metric(EVENTS, { resource: 'core/pods', type: 'BOOKMARK' });
    await untilAsync(
      'a pod-watch bookmark after the bump',
      async () =>
        (await metric(EVENTS, { resource: 'core/pods', type: 'BOOKMARK' })) >= bookmarks + 2,
    );
    const watchesBefore = kube.requests.filter(
      (r) => r.path === '/api/v1/pods' && r.query['watch'] === 'true',
    ).length;
    kube.closeWatches();
    await until(
      'the pod watch to resume',
      () =>
        kube.requests.filter((r) => r.path === '/api/v1/pods' && r.query['watch'] === 'true')
          .length > watchesBefore,
    );
    const resumed = kube.requests
      .filter((r) => r.path === '/api/v1/pods' && r.query['watch'] === 'true')
      .pop()!;
    // The pod watch saw no pod event after `before`, yet resumes past it: the bookmark moved it.
    expect(Number(resumed.query['resourceVersion'])).toBeGreaterThan(Number(before));
    expect(
      kube.requests.filter(
        (r) => r.path === '/api/v1/pods' && r.query['watch'] === undefined && !r.query['continue'],
      ),
    ).toHaveLength(1);
  });

  it('loses nothing while the API is down: the newest state arrives when it is back', async () => {
    await start();
    await ingest.waitForPushes(1);
    await until('watches', () => kube.openWatches >= 6);
    await ingest.goDown();
    const failures = await metric('fenceline_agent_push_failures_total');
    kube.remove('networking.k8s.io/v1', 'NetworkPolicy', 'shop', 'default-deny');
    await untilAsync(
      'a push that failed while the API is down',
      async () => (await metric('fenceline_agent_push_failures_total')) > failures,
    );
    kube.apply(
      pod(
        'shop',
        'web-7d4b9c-late',
        { app: 'web' },
        { ip: '10.0.1.13', owner: ['ReplicaSet', 'web-7d4b9c'] },
      ),
    );
    // Both changes built while the API is down; the newest snapshot waits to be pushed.
    await untilAsync(
      'the later change built',
      async () => (await metric(BUILDS, { trigger: 'change' })) >= 2 && (await changesBuilt()),
    );
    expect(await metric('fenceline_agent_pending_snapshot')).toBe(1);
    await ingest.comeUp();
    await ingest.waitForPushes(2);
    await untilAsync(
      'nothing left to push',
      async () => (await metric('fenceline_agent_pending_snapshot')) === 0,
    );
    const expected = cliSnapshotOf(agentReadable(kube.allObjects()));
    expect(comparable(lastPush())).toEqual(comparable(expected));
  });

  it('reconnects when the Kubernetes API is unavailable for a while', async () => {
    await start();
    await ingest.waitForPushes(1);
    await until('watches', () => kube.openWatches >= 6);
    kube.setUnavailable(true);
    // The agent meets the outage: its watches end in errors (503) at least twice (it retries).
    const errors = await metric('fenceline_agent_watch_restarts_total', { reason: 'error' });
    await untilAsync(
      'watch errors during the outage',
      async () =>
        (await metric('fenceline_agent_watch_restarts_total', { reason: 'error' })) >= errors + 2,
    );
    kube.setUnavailable(false);
    kube.apply(
      pod(
        'payments',
        'api-1',
        { app: 'payments-api' },
        { ip: '10.0.2.11', owner: ['StatefulSet', 'api'] },
      ),
    );
    await ingest.waitForPushes(2, 20_000);
    expect(lastPush().pods.some((p) => p.name === 'api-1')).toBe(true);
  });

  it('picks up a policy CRD installed later at the next resync', async () => {
    await start(['--resync-interval', '10s']);
    await ingest.waitForPushes(1);
    kube.addResource({
      group: 'cilium.io',
      version: 'v2',
      resource: 'ciliumnetworkpolicies',
      kind: 'CiliumNetworkPolicy',
      namespaced: true,
    });
    kube.apply({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name: 'l7', namespace: 'shop' },
      spec: { endpointSelector: {} },
    });
    await ingest.waitForPushes(2, 25_000);
    await until(
      'the CiliumNetworkPolicy',
      () => {
        const pushed = lastPush();
        return (
          pushed.schemaVersion === 2 &&
          (pushed.cniObjects ?? []).some(
            (o) => o.kind === 'CiliumNetworkPolicy' && o.namespace === 'shop' && o.name === 'l7',
          )
        );
      },
      15_000,
    );
  }, 45_000);

  it('--once lists without watching, pushes one snapshot and exits 0', async () => {
    const once = await start(['--once']);
    expect(await once.done).toBe(0);
    expect(ingest.pushes).toHaveLength(1);
    expect(comparable(ingest.pushes[0]!.snapshot)).toEqual(
      comparable(cliSnapshotOf(agentReadable(shopCluster()))),
    );
    expect(kube.requests.some((r) => r.query['watch'] !== undefined)).toBe(false);
  });

  it('--once exits 3 when the token is rejected and 4 when the snapshot is', async () => {
    ingest.answer({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'a valid agent token is required' },
    });
    expect(await (await start(['--once'])).done).toBe(3);
    ingest.answer({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await (await start(['--once'])).done).toBe(4);
    expect(ingest.pushes).toHaveLength(0);
  });

  it('on stop (SIGTERM) finishes the push in flight', async () => {
    await start();
    await ingest.waitForPushes(1);
    await until('watches', () => kube.openWatches >= 6);
    ingest.answer({ status: 202, body: { snapshotId: 'slow', status: 'accepted' }, delayMs: 800 });
    kube.remove('networking.k8s.io/v1', 'NetworkPolicy', 'payments', 'db-from-api');
    await until('the push to be in flight', () => ingest.requestsStarted >= 2);
    await agent!.stop(5_000);
    expect(ingest.attempts.map((a) => a.status)).toEqual([202, 202]);
    expect(await agent!.done).toBe(0);
    expect(kube.openWatches).toBe(0);
  });

  it('serves /healthz, /readyz and /metrics, and reports a rejected token as not ready', async () => {
    const port = await freePort();
    await start(['--health-port', String(port), '--health-host', '127.0.0.1']);
    await ingest.waitForPushes(1);
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: res.status, text: await res.text() };
    };
    expect(await get('/healthz')).toMatchObject({ status: 200 });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({
      status: 'ok',
      synced: true,
      cni: 'calico',
      push: 'idle',
    });
    const metrics = (await get('/metrics')).text;
    expect(metrics).toContain('fenceline_agent_pushes_total{result="accepted"} 1');
    expect(metrics).toMatch(/fenceline_agent_snapshot_bytes\{encoding="gzip"\} [1-9]\d*/);
    expect(metrics).toMatch(/fenceline_agent_last_success_timestamp_seconds [1-9]/);
    expect(metrics).toContain('fenceline_agent_objects{resource="core/pods"} 7');
    expect(await get('/other')).toMatchObject({ status: 404 });

    ingest.answer({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'a valid agent token is required' },
    });
    kube.remove('v1', 'Pod', 'shop', 'web-7d4b9c-q9z7m');
    await until('the rejected push', () => ingest.attempts.some((a) => a.status === 401));
    const notReady = await get('/readyz');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.text)).toMatchObject({
      status: 'unavailable',
      push: 'unauthorized',
    });
    expect((await get('/metrics')).text).toContain('fenceline_agent_unauthorized 1');
    expect((await get('/healthz')).status).toBe(200);
  });

  it('pushes a snapshot spooled before a restart first, then the current state', async () => {
    const spoolDir = join(dir, 'spool');
    const stale = prepareSnapshot(cliSnapshotOf(agentReadable(shopCluster()).slice(0, 3)));
    await new Spool(spoolDir, silentLogger()).save(stale);
    await start(['--spool-dir', spoolDir]);
    await ingest.waitForPushes(2);
    expect(ingest.pushes[0]!.contentHash).toBe(stale.contentHash);
    expect(comparable(ingest.pushes[1]!.snapshot)).toEqual(
      comparable(cliSnapshotOf(agentReadable(shopCluster()))),
    );
    await until(
      'the spool to be cleared',
      () => !existsSync(join(spoolDir, 'pending-snapshot.json.gz')),
    );
  });

  it('ignores a CNI DaemonSet scheduled on no node (a wrong "enforces" is the worst answer)', async () => {
    const calico = shopCluster().find((o) => o['kind'] === 'DaemonSet')!;
    kube.apply({ ...calico, status: { desiredNumberScheduled: 0, numberReady: 0 } });
    kube.apply({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels: { app: 'flannel' } },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'kube-flannel',
                image: 'docker.io/flannel/flannel:v0.25.1',
                args: ['--ip-masq', '--kube-subnet-mgr'],
              },
            ],
          },
        },
      },
      status: { desiredNumberScheduled: 3, numberReady: 3 },
    });
    await start(['--once']);
    expect(await agent!.done).toBe(0);
    expect(ingest.pushes[0]!.snapshot.source.cni).toEqual({
      name: 'flannel',
      enforcesNetworkPolicy: false,
    });
  });

  it('--from-dir without --once pushes the folders again at every resync, with what changed in them', async () => {
    const manifests = mkdtempSync(join(tmpdir(), 'fenceline-manifests-'));
    writeFileSync(
      join(manifests, 'ns.yaml'),
      stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }),
    );
    const base = config();
    agent = await runAgent(
      { ...base, source: { kind: 'dir', paths: [manifests] }, resyncMs: 300 },
      { log: silentLogger(), metrics: new AgentMetrics({ defaultMetrics: false }) },
    );
    await ingest.waitForPushes(1);
    writeFileSync(
      join(manifests, 'ns-b.yaml'),
      stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } }),
    );
    await until('the second folder state', () =>
      ingest.pushes.some((p) => p.snapshot.namespaces.length === 2),
    );
    expect(ingest.pushes[0]!.snapshot.namespaces.map((n) => n.name)).toEqual(['a']);
    expect(ingest.pushes[0]!.snapshot.source).toEqual({ type: 'manifests', agentVersion: '0.1.0' });
  });
});
