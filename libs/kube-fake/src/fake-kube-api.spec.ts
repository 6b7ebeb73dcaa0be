import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKubeApi, FakeResource } from './fake-kube-api';
import {
  CLUSTER_NETWORK_POLICY_CRD,
  clusterNetworkPolicy,
  ownerChainObjects,
} from './owner-chain-fixture';
import { clusterNodes } from './node-fixture';

interface Meta {
  name: string;
  namespace?: string;
  resourceVersion: string;
  uid?: string;
  creationTimestamp?: string;
  annotations?: Record<string, string>;
}
interface Obj {
  kind?: string;
  apiVersion?: string;
  metadata: Meta;
  spec?: Record<string, unknown>;
}
interface List {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: Obj[];
}
interface WatchEvent {
  type: string;
  object: Obj & Record<string, unknown>;
}

const WIDGETS: FakeResource = {
  group: 'example.com',
  version: 'v1',
  resource: 'widgets',
  kind: 'Widget',
  namespaced: true,
};

function pod(name: string, namespace?: string, spec: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec };
}

/** A watch read with plain fetch, collecting events as they arrive. */
class WatchReader {
  readonly events: WatchEvent[] = [];
  ended = false;
  private readonly controller = new AbortController();
  private done: Promise<void> = Promise.resolve();

  static async open(url: string, headers: Record<string, string> = {}): Promise<WatchReader> {
    const reader = new WatchReader();
    const response = await fetch(url, { headers, signal: reader.controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    reader.done = reader.read(response);
    return reader;
  }

  private async read(response: Response): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          this.events.push(JSON.parse(buffer.slice(0, newline)) as WatchEvent);
          buffer = buffer.slice(newline + 1);
        }
      }
    } catch {
      // aborted by close()
    }
    this.ended = true;
  }

  async waitFor(count: number): Promise<WatchEvent[]> {
    await until(() => this.events.length >= count || this.ended);
    return this.events.slice(0, count);
  }

  async waitForEnd(): Promise<void> {
    await until(() => this.ended);
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const summary = (e: WatchEvent) =>
  `${e.type} ${e.object.metadata.namespace ?? ''}/${e.object.metadata.name} ${e.object.metadata.resourceVersion}`;

describe('FakeKubeApi', () => {
  let api: FakeKubeApi;
  const readers: WatchReader[] = [];

  async function get<T>(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${api.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function watch(path: string, headers?: Record<string, string>) {
    const reader = await WatchReader.open(`${api.url}${path}`, headers);
    readers.push(reader);
    return reader;
  }

  beforeEach(async () => {
    api = await FakeKubeApi.start();
  });

  afterEach(async () => {
    await Promise.all(readers.splice(0).map((r) => r.close()));
    await api.stop();
  });

  describe('discovery', () => {
    it('serves version, core and group discovery for the built-in resources', async () => {
      expect((await get<{ major: string; minor: string }>('/version')).body).toMatchObject({
        major: '1',
        minor: '31',
      });
      expect((await get('/api')).body).toEqual({
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          { clientCIDR: '0.0.0.0/0', serverAddress: api.url.replace('http://', '') },
        ],
      });
      expect((await get('/apis')).body).toEqual({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [
          {
            name: 'networking.k8s.io',
            versions: [{ groupVersion: 'networking.k8s.io/v1', version: 'v1' }],
            preferredVersion: { groupVersion: 'networking.k8s.io/v1', version: 'v1' },
          },
          {
            name: 'apps',
            versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
            preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
          },
          {
            name: 'batch',
            versions: [{ groupVersion: 'batch/v1', version: 'v1' }],
            preferredVersion: { groupVersion: 'batch/v1', version: 'v1' },
          },
        ],
      });
      const core = await get<{ groupVersion: string; resources: unknown[] }>('/api/v1');
      expect(core.body).toEqual({
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [
          {
            name: 'namespaces',
            singularName: 'namespace',
            namespaced: false,
            kind: 'Namespace',
            verbs: ['get', 'list', 'watch'],
          },
          {
            name: 'nodes',
            singularName: 'node',
            namespaced: false,
            kind: 'Node',
            verbs: ['get', 'list', 'watch'],
          },
          {
            name: 'pods',
            singularName: 'pod',
            namespaced: true,
            kind: 'Pod',
            verbs: ['get', 'list', 'watch'],
          },
          {
            name: 'services',
            singularName: 'service',
            namespaced: true,
            kind: 'Service',
            verbs: ['get', 'list', 'watch'],
          },
        ],
      });
      const apps = await get<{ groupVersion: string; resources: { name: string }[] }>(
        '/apis/apps/v1',
      );
      expect(apps.body.groupVersion).toBe('apps/v1');
      expect(apps.body.resources.map((r) => r.name)).toEqual([
        'daemonsets',
        'deployments',
        'replicasets',
      ]);
    });

    it('answers unknown groups, versions and resources with a NotFound Status', async () => {
      const notFound = {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      };
      for (const path of ['/apis/example.com/v1', '/apis/apps/v2', '/api/v1/widgets', '/nope']) {
        expect(await get(path)).toEqual({ status: 404, body: notFound });
      }
      // namespaces are cluster-scoped, pods are not listable below a pod name
      expect((await get('/api/v1/namespaces/default/namespaces')).status).toBe(404);
      expect((await get('/api/v1/pods/web')).status).toBe(404);
    });

    it('shows a resource added later, preferring the most stable version', async () => {
      api.addResource({ ...WIDGETS, version: 'v1beta1' });
      api.addResource(WIDGETS);
      api.addResource(WIDGETS); // identical re-add is a no-op
      expect(() => api.addResource({ ...WIDGETS, kind: 'Gadget' })).toThrow(/already serves/);
      const groups = await get<{ groups: { name: string; preferredVersion: unknown }[] }>('/apis');
      expect(groups.body.groups.map((g) => g.name)).toEqual([
        'networking.k8s.io',
        'apps',
        'batch',
        'example.com',
      ]);
      expect(await get('/apis/example.com')).toEqual({
        status: 200,
        body: {
          kind: 'APIGroup',
          apiVersion: 'v1',
          name: 'example.com',
          versions: [
            { groupVersion: 'example.com/v1', version: 'v1' },
            { groupVersion: 'example.com/v1beta1', version: 'v1beta1' },
          ],
          preferredVersion: { groupVersion: 'example.com/v1', version: 'v1' },
        },
      });
      const list = await get<{ apiVersion: string; resources: unknown[] }>('/apis/example.com/v1');
      expect(list.body).toEqual({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'example.com/v1',
        resources: [
          {
            name: 'widgets',
            singularName: 'widget',
            namespaced: true,
            kind: 'Widget',
            verbs: ['get', 'list', 'watch'],
          },
        ],
      });
    });
  });

  describe('objects', () => {
    it('stores with a global resourceVersion, defaults the namespace and keeps uid on replace', () => {
      expect(api.resourceVersion).toBe('0');
      const created = api.apply(pod('web')) as unknown as Obj;
      const ns = api.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
      const replaced = api.apply(pod('web', 'default', { nodeName: 'n1' })) as unknown as Obj;
      expect(created.metadata).toMatchObject({
        name: 'web',
        namespace: 'default',
        resourceVersion: '1',
      });
      expect(ns['metadata']).not.toHaveProperty('namespace');
      expect(replaced.metadata.resourceVersion).toBe('3');
      expect(replaced.metadata.uid).toBe(created.metadata.uid);
      expect(replaced.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp);
      expect(replaced.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(api.resourceVersion).toBe('3');
      expect(api.remove('v1', 'Pod', undefined, 'web')).toBe(true);
      expect(api.remove('v1', 'Pod', 'default', 'web')).toBe(false);
      expect(api.resourceVersion).toBe('4');
      expect(api.objects('v1', 'Pod')).toEqual([]);
      expect(() =>
        api.apply({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } }),
      ).toThrow(/no resource registered for v1 Widget/);
    });

    it('returns copies, so callers cannot change what is served', () => {
      const returned = api.apply(pod('web'));
      (returned['metadata'] as Meta).name = 'changed';
      const [stored] = api.objects('v1', 'Pod');
      (stored!['metadata'] as Meta).name = 'changed';
      expect(api.objects('v1', 'Pod').map((o) => (o['metadata'] as Meta).name)).toEqual(['web']);
    });
  });

  describe('list', () => {
    it('sorts by namespace then name and omits kind on built-in items only', async () => {
      api.apply(pod('b', 'team-b'));
      api.apply(pod('z', 'team-a'));
      api.apply(pod('a', 'team-b'));
      api.addResource(WIDGETS);
      api.apply({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' } });

      const all = await get<List>('/api/v1/pods');
      expect(all.body.kind).toBe('PodList');
      expect(all.body.apiVersion).toBe('v1');
      expect(all.body.metadata).toEqual({ resourceVersion: '4' });
      expect(all.body.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual([
        'team-a/z',
        'team-b/a',
        'team-b/b',
      ]);
      expect(all.body.items[0]).not.toHaveProperty('kind');
      expect(all.body.items[0]).not.toHaveProperty('apiVersion');

      const teamB = await get<List>('/api/v1/namespaces/team-b/pods');
      expect(teamB.body.items.map((i) => i.metadata.name)).toEqual(['a', 'b']);

      const widgets = await get<List>('/apis/example.com/v1/namespaces/default/widgets');
      expect(widgets.body.kind).toBe('WidgetList');
      expect(widgets.body.apiVersion).toBe('example.com/v1');
      expect(widgets.body.items[0]).toMatchObject({ kind: 'Widget', apiVersion: 'example.com/v1' });
    });

    it('serves Nodes cluster-scoped, and answers 403 Forbidden for a forbidden resource', async () => {
      for (const object of clusterNodes()) api.apply(object);
      const nodes = await get<List>('/api/v1/nodes');
      expect(nodes.body.kind).toBe('NodeList');
      expect(nodes.body.items.map((i) => [i.metadata.name, i.metadata.namespace])).toEqual([
        ['cp-1', undefined],
        ['worker-1', undefined],
      ]);
      api.forbid('nodes');
      for (const path of ['/api/v1/nodes', '/api/v1/nodes?watch=true', '/api/v1/nodes/cp-1']) {
        const denied = await get<{ reason: string; code: number; message: string }>(path);
        expect([denied.status, denied.body.reason, denied.body.code]).toEqual([
          403,
          'Forbidden',
          403,
        ]);
        expect(denied.body.message).toMatch(/cannot (list|watch|get) resource "nodes"/);
      }
      // Discovery is not filtered by RBAC; other resources are still served.
      const core = await get<{ resources: { name: string }[] }>('/api/v1');
      expect(core.body.resources.map((r) => r.name)).toContain('nodes');
      expect((await get('/api/v1/pods')).status).toBe(200);
    });

    it('serves the owner chain (ReplicaSets, Jobs) and cluster-scoped policy CRDs', async () => {
      for (const object of ownerChainObjects()) api.apply(object);
      const replicaSets = await get<List>('/apis/apps/v1/replicasets');
      expect(replicaSets.body.kind).toBe('ReplicaSetList');
      expect(replicaSets.body.items.map((i) => i.metadata.name)).toEqual([
        'checkout-55c4d7',
        'checkout-6f8d9b',
      ]);
      const jobs = await get<List>('/apis/batch/v1/namespaces/shop/jobs');
      expect(jobs.body.items.map((i) => i.metadata.name)).toEqual(['report-29000000']);

      // Not served until its CRD is installed; cluster-scoped once it is.
      expect(
        (await get('/apis/policy.networking.k8s.io/v1alpha2/clusternetworkpolicies')).status,
      ).toBe(404);
      api.addResource(CLUSTER_NETWORK_POLICY_CRD);
      api.apply(clusterNetworkPolicy());
      const cnps = await get<List>(
        '/apis/policy.networking.k8s.io/v1alpha2/clusternetworkpolicies',
      );
      expect(cnps.body.items.map((i) => [i.kind, i.metadata.name, i.metadata.namespace])).toEqual([
        ['ClusterNetworkPolicy', 'payments-walls', undefined],
      ]);
    });

    it('gets a single object with kind, or a NotFound Status naming it', async () => {
      api.apply(pod('web', 'team-a'));
      const found = await get<Obj>('/api/v1/namespaces/team-a/pods/web');
      expect(found.body).toMatchObject({
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { name: 'web' },
      });
      expect(await get('/api/v1/namespaces/team-b/pods/web')).toEqual({
        status: 404,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'pods "web" not found',
          reason: 'NotFound',
          details: { name: 'web', kind: 'pods' },
          code: 404,
        },
      });
    });

    it('pages a consistent snapshot taken at the first page', async () => {
      for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) api.apply(pod(name));
      const first = await get<List>('/api/v1/namespaces/default/pods?limit=2');
      expect(first.body.items.map((i) => i.metadata.name)).toEqual(['p1', 'p2']);
      expect(first.body.metadata.resourceVersion).toBe('5');
      expect(first.body.metadata.remainingItemCount).toBe(3);

      // Changes after the first page must not leak into later pages.
      api.remove('v1', 'Pod', 'default', 'p3');
      api.apply(pod('p0'));
      api.apply(pod('p4', 'default', { changed: true }));

      const second = await get<List>(
        `/api/v1/namespaces/default/pods?limit=2&continue=${first.body.metadata.continue}`,
      );
      expect(
        second.body.items.map((i) => `${i.metadata.name}@${i.metadata.resourceVersion}`),
      ).toEqual(['p3@3', 'p4@4']);
      expect(second.body.metadata).toMatchObject({ resourceVersion: '5', remainingItemCount: 1 });
      const third = await get<List>(
        `/api/v1/namespaces/default/pods?limit=2&continue=${second.body.metadata.continue}`,
      );
      expect(third.body.items.map((i) => i.metadata.name)).toEqual(['p5']);
      expect(third.body.metadata).toEqual({ resourceVersion: '5' });

      const fresh = await get<List>('/api/v1/namespaces/default/pods');
      expect(fresh.body.items.map((i) => i.metadata.name)).toEqual(['p0', 'p1', 'p2', 'p4', 'p5']);
      expect(fresh.body.metadata).toEqual({ resourceVersion: '8' });
    });

    it('answers a continue token from before compact() with 410 Expired', async () => {
      for (const name of ['p1', 'p2', 'p3']) api.apply(pod(name));
      const first = await get<List>('/api/v1/pods?limit=1');
      api.compact();
      const expired = await get<{ reason: string; code: number; status: string }>(
        `/api/v1/pods?limit=1&continue=${first.body.metadata.continue}`,
      );
      expect(expired.status).toBe(410);
      expect(expired.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'Expired',
        code: 410,
      });
      expect((await get('/api/v1/pods?continue=garbage')).status).toBe(400);
    });

    it('serves 20,000 pods of about 3 KB in pages of 500', async () => {
      const padding = 'x'.repeat(2800);
      for (let i = 0; i < 20_000; i++) {
        const name = `pod-${String(i).padStart(5, '0')}`;
        api.apply(pod(name, `ns-${i % 20}`, { padding }));
      }
      const names: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const query = token ? `limit=500&continue=${token}` : 'limit=500';
        const page = await get<List>(`/api/v1/pods?${query}`);
        expect(page.body.metadata.resourceVersion).toBe('20000');
        names.push(...page.body.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`));
        token = page.body.metadata.continue;
        pages++;
      } while (token);
      expect(pages).toBe(40);
      expect(new Set(names).size).toBe(20_000);
      expect(names[0]).toBe('ns-0/pod-00000');
      expect(names[1]).toBe('ns-0/pod-00020');
    });
  });

  describe('watch', () => {
    it('replays the retained events after a resourceVersion, then streams live ones', async () => {
      api.apply(pod('a')); // 1
      api.apply(pod('b')); // 2
      api.apply(pod('a', 'default', { v: 2 })); // 3
      api.remove('v1', 'Pod', 'default', 'b'); // 4
      api.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } }); // 5, other kind

      const reader = await watch('/api/v1/namespaces/default/pods?watch=true&resourceVersion=2');
      api.apply(pod('c', 'team-a')); // 6, other namespace
      api.apply(pod('c')); // 7
      const events = await reader.waitFor(3);
      expect(events.map(summary)).toEqual([
        'MODIFIED default/a 3',
        'DELETED default/b 4',
        'ADDED default/c 7',
      ]);
      expect(events[0]!.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', spec: { v: 2 } });
      expect(api.openWatches).toBe(1);
    });

    it('starts with synthetic ADDED events for resourceVersion 0 or none', async () => {
      api.apply(pod('b', 'team-a'));
      api.apply(pod('a', 'team-b'));
      api.apply(pod('b', 'team-a', { v: 2 }));
      for (const query of ['watch=1&resourceVersion=0', 'watch=true']) {
        const reader = await watch(`/api/v1/pods?${query}`);
        expect((await reader.waitFor(2)).map(summary)).toEqual([
          'ADDED team-a/b 3',
          'ADDED team-b/a 2',
        ]);
      }
      api.remove('v1', 'Pod', 'team-b', 'a');
      for (const reader of readers) {
        expect((await reader.waitFor(3)).map(summary)[2]).toBe('DELETED team-b/a 4');
      }
    });

    it('sends one 410 ERROR event and ends when the resourceVersion was compacted away', async () => {
      api.apply(pod('a'));
      api.apply(pod('b'));
      api.compact();
      const reader = await watch('/api/v1/pods?watch=true&resourceVersion=1');
      await reader.waitForEnd();
      expect(reader.events).toEqual([
        {
          type: 'ERROR',
          object: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: 'too old resource version: 1 (2)',
            reason: 'Expired',
            code: 410,
          },
        },
      ]);
      expect(api.openWatches).toBe(0);

      const current = await watch('/api/v1/pods?watch=true&resourceVersion=2');
      api.apply(pod('c'));
      expect((await current.waitFor(1)).map(summary)).toEqual(['ADDED default/c 3']);
    });

    it('expires resourceVersions that fell out of the bounded history', async () => {
      for (let i = 0; i < 11_001; i++) api.apply(pod(`p${i % 10}`));
      const old = await watch('/api/v1/pods?watch=true&resourceVersion=1');
      await old.waitForEnd();
      expect(old.events[0]!.object['message']).toBe('too old resource version: 1 (1001)');
      const kept = await watch('/api/v1/pods?watch=true&resourceVersion=1001');
      expect((await kept.waitFor(1)).map(summary)).toEqual(['MODIFIED default/p1 1002']);
    });

    it('sends bookmarks only to watches that asked for them', async () => {
      await api.stop();
      api = await FakeKubeApi.start({ bookmarkIntervalMs: 20 });
      api.apply(pod('a'));
      // Replayed rather than live, so the ADDED event cannot lose a race with the first bookmark.
      api.apply(pod('b'));
      const plain = await watch('/api/v1/pods?watch=true&resourceVersion=1');
      const withBookmarks = await watch(
        '/api/v1/pods?watch=true&resourceVersion=1&allowWatchBookmarks=true',
      );
      const [added, bookmark] = await withBookmarks.waitFor(2);
      expect(added!.type).toBe('ADDED');
      expect(bookmark).toEqual({
        type: 'BOOKMARK',
        object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: '2' } },
      });
      await withBookmarks.waitFor(4);
      expect(plain.events.map(summary)).toEqual(['ADDED default/b 2']);
    });

    it('ends the stream after timeoutSeconds', async () => {
      const reader = await watch('/api/v1/pods?watch=true&timeoutSeconds=1');
      expect(api.openWatches).toBe(1);
      await reader.waitForEnd();
      expect(api.openWatches).toBe(0);
    });

    it('closes every open watch on closeWatches()', async () => {
      const pods = await watch('/api/v1/pods?watch=true');
      const policies = await watch('/apis/networking.k8s.io/v1/networkpolicies?watch=true');
      expect(api.openWatches).toBe(2);
      api.closeWatches();
      expect(api.openWatches).toBe(0);
      await pods.waitForEnd();
      await policies.waitForEnd();
    });
  });

  describe('failures', () => {
    it('answers 503 and closes watches while unavailable', async () => {
      const reader = await watch('/api/v1/pods?watch=true');
      api.setUnavailable(true);
      await reader.waitForEnd();
      expect(api.openWatches).toBe(0);
      expect(await get('/api/v1/pods?watch=true')).toEqual({
        status: 503,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'the server is currently unable to handle the request',
          reason: 'ServiceUnavailable',
          code: 503,
        },
      });
      api.setUnavailable(false);
      expect((await get('/api/v1/pods')).status).toBe(200);
    });

    it('requires the bearer token when one is set, and logs every request', async () => {
      await api.stop();
      api = await FakeKubeApi.start({ token: 's3cret' });
      const unauthorized = {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      };
      expect(await get('/api/v1/pods')).toEqual({ status: 401, body: unauthorized });
      expect(await get('/api', { authorization: 'Bearer wrong' })).toEqual({
        status: 401,
        body: unauthorized,
      });
      expect((await get('/api/v1/pods?limit=5', { authorization: 'Bearer s3cret' })).status).toBe(
        200,
      );
      expect(api.requests).toEqual([
        { method: 'GET', path: '/api/v1/pods', query: {} },
        { method: 'GET', path: '/api', query: {} },
        { method: 'GET', path: '/api/v1/pods', query: { limit: '5' } },
      ]);
    });

    it('rejects writes and selectors it does not implement', async () => {
      expect((await fetch(`${api.url}/api/v1/pods`, { method: 'POST' })).status).toBe(405);
      expect((await get('/api/v1/pods?labelSelector=app%3Dweb')).status).toBe(400);
    });

    it('stops with open watches without hanging', async () => {
      const reader = await watch('/api/v1/pods?watch=true&allowWatchBookmarks=true');
      await api.stop();
      await reader.waitForEnd();
      expect(api.openWatches).toBe(0);
      await api.stop(); // idempotent
    });
  });

  describe('hand-written reflector', () => {
    it('lists in pages, watches from the list, and relists after 410', async () => {
      for (const name of ['a', 'b', 'c']) api.apply(pod(name));
      const cache = new Map<string, string>();
      const relist = async () => {
        cache.clear();
        let token = '';
        let rv = '';
        do {
          const page = await get<List>(`/api/v1/pods?limit=2${token && `&continue=${token}`}`);
          for (const item of page.body.items) {
            cache.set(item.metadata.name, item.metadata.resourceVersion);
          }
          rv = page.body.metadata.resourceVersion;
          token = page.body.metadata.continue ?? '';
        } while (token);
        return rv;
      };
      let rv = await relist();
      expect(rv).toBe('3');

      const first = await watch(`/api/v1/pods?watch=true&resourceVersion=${rv}`);
      api.apply(pod('d'));
      const [added] = await first.waitFor(1);
      cache.set(added!.object.metadata.name, added!.object.metadata.resourceVersion);
      rv = added!.object.metadata.resourceVersion;

      // While disconnected the history moves on and is compacted.
      api.closeWatches();
      await first.waitForEnd();
      api.remove('v1', 'Pod', 'default', 'a');
      api.compact();

      const second = await watch(`/api/v1/pods?watch=true&resourceVersion=${rv}`);
      await second.waitForEnd();
      expect(second.events.map((e) => `${e.type} ${e.object['code']}`)).toEqual(['ERROR 410']);
      rv = await relist();
      expect(rv).toBe('5');
      expect([...cache.entries()]).toEqual([
        ['b', '2'],
        ['c', '3'],
        ['d', '4'],
      ]);
    });
  });

  describe('@kubernetes/client-node', () => {
    let kubeconfigDir: string;

    beforeEach(async () => {
      await api.stop();
      api = await FakeKubeApi.start({ token: 'client-token', bookmarkIntervalMs: 50 });
      kubeconfigDir = mkdtempSync(join(tmpdir(), 'fake-kube-api-'));
    });

    afterEach(() => rmSync(kubeconfigDir, { recursive: true, force: true }));

    function loadKubeConfig(): KubeConfig {
      const kc = new KubeConfig();
      kc.loadFromFile(api.writeKubeconfig(kubeconfigDir));
      return kc;
    }

    it('writes a kubeconfig the client loads', () => {
      const path = api.writeKubeconfig(kubeconfigDir);
      expect(readFileSync(path, 'utf8')).toBe(api.kubeconfig());
      const kc = loadKubeConfig();
      expect(kc.getCurrentCluster()).toMatchObject({ server: api.url, skipTLSVerify: true });
      expect(kc.getCurrentUser()?.token).toBe('client-token');
    });

    it('pages through a list with the generated CoreV1Api', async () => {
      for (const name of ['a', 'b', 'c']) api.apply(pod(name));
      const core = loadKubeConfig().makeApiClient(CoreV1Api);
      const first = await core.listNamespacedPod({ namespace: 'default', limit: 2 });
      expect(first.items.map((p) => p.metadata?.name)).toEqual(['a', 'b']);
      expect(first.metadata?.resourceVersion).toBe('3');
      const second = await core.listNamespacedPod({
        namespace: 'default',
        limit: 2,
        _continue: first.metadata?._continue,
      });
      expect(second.items.map((p) => p.metadata?.name)).toEqual(['c']);
      expect(second.metadata?._continue).toBeUndefined();
    });

    it('receives ADDED, MODIFIED, DELETED and BOOKMARK through Watch', async () => {
      api.apply(pod('before'));
      // Replayed rather than live, so these cannot lose a race with the first bookmark.
      api.apply(pod('web'));
      api.apply(pod('web', 'default', { nodeName: 'n1' }));
      api.remove('v1', 'Pod', 'default', 'web');
      const kc = new KubeConfig();
      kc.loadFromString(api.kubeconfig());
      const events: string[] = [];
      let doneWith: unknown = 'not called';
      const controller = await new Watch(kc).watch(
        '/api/v1/namespaces/default/pods',
        { allowWatchBookmarks: true, resourceVersion: '1' },
        (type: string, object: Obj) => {
          const line = `${type} ${object.metadata.name ?? ''} ${object.metadata.resourceVersion}`;
          if (events.at(-1) !== line) events.push(line);
        },
        (err: unknown) => {
          doneWith = err;
        },
      );
      await until(() => events.length >= 4);
      api.apply(pod('late'));
      await until(() => events.length >= 5);
      // Consecutive duplicate bookmarks are collapsed above.
      expect(events.slice(0, 5)).toEqual([
        'ADDED web 2',
        'MODIFIED web 3',
        'DELETED web 4',
        'BOOKMARK  4',
        'ADDED late 5',
      ]);
      expect(api.requests.at(-1)?.query).toEqual({
        watch: 'true',
        allowWatchBookmarks: 'true',
        resourceVersion: '1',
      });

      api.closeWatches();
      await until(() => doneWith !== 'not called');
      expect(doneWith).toBeNull();
      controller.abort();
    });

    it('reports the 410 ERROR event and 401 the way the client expects', async () => {
      api.apply(pod('a'));
      api.apply(pod('b'));
      api.compact();
      const kc = new KubeConfig();
      kc.loadFromString(api.kubeconfig());
      const seen: string[] = [];
      let doneWith: unknown = 'not called';
      await new Watch(kc).watch(
        '/api/v1/pods',
        { resourceVersion: '1' },
        (type: string, object: { code?: number }) => seen.push(`${type} ${object.code}`),
        (err: unknown) => {
          doneWith = err;
        },
      );
      await until(() => doneWith !== 'not called');
      expect(seen).toEqual(['ERROR 410']);
      expect(doneWith).toBeNull();

      const wrong = new KubeConfig();
      wrong.loadFromString(api.kubeconfig().replace('client-token', 'other'));
      let failure: unknown;
      await new Watch(wrong).watch(
        '/api/v1/pods',
        {},
        () => undefined,
        (err: unknown) => {
          failure = err;
        },
      );
      await until(() => failure !== undefined);
      expect((failure as { statusCode?: number }).statusCode).toBe(401);
    });
  });
});
