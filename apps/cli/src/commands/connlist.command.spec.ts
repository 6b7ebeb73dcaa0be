import {
  ALL_V4,
  APP_CONNLIST,
  APP_FILES,
  BACKEND,
  FRONTEND,
  run,
  tempTree,
} from '../../test/cli-harness';

describe('fenceline connlist', () => {
  const tree = tempTree({
    ...APP_FILES,
    'broken/policy.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: broken, namespace: app }
spec:
  podSelector: {}
  ingress:
    - from: [{ ipBlock: { cidr: 10.0.0.0/33 } }]
`,
    'lab/pods.yaml': `apiVersion: v1
kind: Pod
metadata: { name: db, namespace: lab, labels: { app: db } }
status: { podIPs: [{ ip: 10.0.0.5 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: lab, labels: { app: client } }
status: { podIPs: [{ ip: 10.0.0.7 }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: lab }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Ingress]
  ingress: [{ from: [{ ipBlock: { cidr: 10.0.0.0/24 } }] }]
`,
    'host/pods.yaml': `apiVersion: v1
kind: Pod
metadata: { name: agent, namespace: node, labels: { app: agent } }
spec: { hostNetwork: true }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: node, labels: { app: client } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-agent, namespace: node }
spec:
  podSelector: { matchLabels: { app: agent } }
  policyTypes: [Ingress]
`,
  });
  afterAll(() => tree.remove());

  it('prints one txt line per allowed connection and exits 0', async () => {
    const result = await run(tree.dir, 'connlist', 'base');
    expect(result).toEqual({
      code: 0,
      stdout: APP_CONNLIST.map((r) => `${r.src} => ${r.dst} : ${r.conn}\n`).join(''),
      stderr: '',
    });
  });

  it('prints JSON rows with the connection notation', async () => {
    const result = await run(tree.dir, 'connlist', 'base', '--output', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(APP_CONNLIST);
  });

  it('prints CSV with a header, quoting fields that hold commas', async () => {
    const { stdout } = await run(tree.dir, 'connlist', 'base', '-o', 'csv');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('src,dst,conn');
    expect(lines).toContain(`${FRONTEND},${BACKEND},"TCP 9000,UDP 5353"`);
    expect(lines).toContain(`${BACKEND},${FRONTEND},All Connections`);
    expect(lines).toHaveLength(APP_CONNLIST.length + 2);
  });

  it('prints a Markdown table', async () => {
    const { stdout } = await run(tree.dir, 'connlist', 'base', '--output', 'md');
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['| src | dst | conn |', '| --- | --- | --- |']);
    expect(lines).toContain(`| ${FRONTEND} | ${BACKEND} | TCP 9000,UDP 5353 |`);
    expect(lines).toHaveLength(APP_CONNLIST.length + 2);
  });

  it('prints a Graphviz digraph with workloads, external ranges and the ingress controller', async () => {
    const { stdout } = await run(tree.dir, 'connlist', 'base', '--output', 'dot');
    expect(stdout.startsWith('digraph connlist {\n')).toBe(true);
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout).toContain(`  "${FRONTEND}" [shape=box];`);
    expect(stdout).toContain(`  "${BACKEND}" [shape=box];`);
    expect(stdout).toContain(`  "${ALL_V4}" [shape=ellipse, style=dashed];`);
    expect(stdout).toContain('  "{ingress-controller}" [shape=diamond];');
    expect(stdout).toContain(`  "${FRONTEND}" -> "${BACKEND}" [label="TCP 9000,UDP 5353"];`);
    expect(stdout.match(/ -> /g)).toHaveLength(APP_CONNLIST.length);
  });

  it('reports an invalid policy with its code and field path, and still prints the rest', async () => {
    const result = await run(tree.dir, 'connlist', 'base', 'broken', '-o', 'json');
    expect(result.code).toBe(2);
    const errors = result.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: NetworkPolicy app\/broken \(broken\/policy\.yaml#1\): /);
    expect(errors[0]).toContain(
      'spec.ingress[0].from[0].ipBlock.cidr: "10.0.0.0/33" is not a valid CIDR [INVALID_CIDR]',
    );
    expect(JSON.parse(result.stdout)).toEqual(APP_CONNLIST);
  });

  it('exits 2 on a missing path and on a bad flag', async () => {
    const missing = await run(tree.dir, 'connlist', 'nowhere');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^error: File nowhere.*no such file or directory \[PARSE_ERROR\]/,
    );
    const badFormat = await run(tree.dir, 'connlist', 'base', '--output', 'xml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("argument 'xml' is invalid");
    expect(badFormat.stdout).toBe('');
    expect((await run(tree.dir, 'connlist')).code).toBe(2);
  });

  it('lets ipBlocks match pod IPs only with --ip-block-matches-pods', async () => {
    const pair = 'lab/client[Pod] => lab/db[Pod] : All Connections';
    const block = '10.0.0.0-10.0.0.255[External] => lab/db[Pod] : All Connections';
    const strict = await run(tree.dir, 'connlist', 'lab');
    expect(strict.stdout.split('\n')).toContain(block);
    expect(strict.stdout.split('\n')).not.toContain(pair);
    const loose = await run(tree.dir, 'connlist', 'lab', '--ip-block-matches-pods');
    expect(loose.stdout.split('\n')).toContain(pair);
    expect(loose.stdout.split('\n')).toContain(block);
  });

  it('warns about hostNetwork pods and never isolates them with --host-network unrestricted', async () => {
    const pair = 'node/client[Pod] => node/agent[Pod] : All Connections';
    const asPods = await run(tree.dir, 'connlist', 'host');
    expect(asPods.code).toBe(0);
    expect(asPods.stderr).toMatch(/^warning: 1 pod\(s\) use hostNetwork \(e\.g\. node\/agent\)/);
    expect(asPods.stdout.split('\n')).not.toContain(pair);
    const unrestricted = await run(tree.dir, 'connlist', 'host', '--host-network', 'unrestricted');
    expect(unrestricted.stdout.split('\n')).toContain(pair);
    expect((await run(tree.dir, 'connlist', 'host', '--host-network', 'maybe')).code).toBe(2);
  });
});
