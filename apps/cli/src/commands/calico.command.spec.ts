import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, tempTree } from '../../test/cli-harness';

/** The shared Calico example (read in place, never copied into the project). */
const EXAMPLE = resolve(
  process.env['FENCELINE_EXAMPLES_DIR'] ?? join(__dirname, '../../../../../shared/examples'),
  'cni/calico-http-methods.yaml',
);

const PODS = `apiVersion: v1
kind: Namespace
metadata: { name: app }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: app, labels: { app: api } }
spec: { containers: [{ name: c, ports: [{ containerPort: 80 }] }] }
status: { podIP: 10.1.0.1 }
---
apiVersion: v1
kind: Pod
metadata: { name: fe, namespace: app, labels: { role: frontend } }
spec: { containers: [{ name: c }] }
status: { podIP: 10.1.0.2 }
---
apiVersion: v1
kind: Pod
metadata: { name: batch, namespace: app, labels: { role: batch } }
spec: { containers: [{ name: c }] }
status: { podIP: 10.1.0.3 }
`;

describe('Calico policies on the command line (../shared/examples/cni/calico-http-methods.yaml)', () => {
  const tree = tempTree({ 'pods.yaml': PODS, 'calico.yaml': readFileSync(EXAMPLE, 'utf8') });
  afterAll(() => tree.remove());

  it('connlist: only the frontend reaches the api, on TCP 80 and 443 (the L4 verdict of the HTTP rule)', async () => {
    const result = await run(tree.dir, 'connlist', '.');
    expect(result.code).toBe(0);
    const toApi = result.stdout.split('\n').filter((l) => l.includes('=> app/api'));
    expect(toApi).toEqual(['app/fe[Pod] => app/api[Pod] : TCP 80,443']);
    expect(result.stderr).toContain("the cluster's CNI is not known");
  });

  it('explain names the tier, policy, order and rule, and shows the HTTP match as not evaluated', async () => {
    const result = await run(
      tree.dir,
      'explain',
      '.',
      '--src',
      'app/fe',
      '--dst',
      'app/api',
      '--port',
      '80',
    );
    expect(result.stdout).toContain('app/fe => app/api on TCP 80: ALLOWED');
    expect(result.stdout).toContain(
      'path: tier default: Allow by calico-np/app/api-public-reads (order none) rule 0',
    );
    expect(result.stdout).toMatch(/HTTP match .*"GET","HEAD".*not evaluated offline/);
    const denied = await run(
      tree.dir,
      'explain',
      '.',
      '--src',
      'app/batch',
      '--dst',
      'app/api',
      '--port',
      '80',
    );
    expect(denied.stdout).toContain('app/batch => app/api on TCP 80: DENIED');
    expect(denied.stdout).toContain('path: tier default: no rule matched, default Deny');
  });

  it('--cni flannel: the Calico policy is present but not enforced, everything is open', async () => {
    const result = await run(tree.dir, 'connlist', '.', '--cni', 'flannel');
    expect(result.stdout).toContain('app/batch[Pod] => app/api[Pod] : All Connections');
    expect(result.stderr).toContain(
      '1 Calico object(s) are present but not enforced: the cluster runs flannel',
    );
  });
});
