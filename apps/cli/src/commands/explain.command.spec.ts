import { APP_FILES, BACKEND, FRONTEND, run, tempTree } from '../../test/cli-harness';

const RULE = 'NetworkPolicy app/backend-ingress ingress rule #0 admits TCP 9000,UDP 5353';

describe('fenceline explain', () => {
  const tree = tempTree(APP_FILES);
  afterAll(() => tree.remove());
  const explain = (...args: string[]) => run(tree.dir, 'explain', 'base', ...args);

  it('explains an allowed port rule by rule, and exits 0', async () => {
    const result = await explain('--src', FRONTEND, '--dst', BACKEND, '--port', '9000');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${FRONTEND} => ${BACKEND} on TCP 9000: ALLOWED`);
    expect(lines[1]).toBe('allowed connections: TCP 9000,UDP 5353');
    expect(result.stdout).toContain(
      [
        'egress at the source (app/frontend):',
        '  not isolated: no policy selects the pod for egress',
        '  default: allow (all connections)',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        'ingress at the destination (app/backend):',
        '  isolated by:',
        '    NetworkPolicy app/backend-ingress',
        '  matching rules:',
        `    ${RULE}`,
        '  default: deny (whatever no matching rule admits)',
        '  ingress allows: TCP 9000,UDP 5353',
      ].join('\n'),
    );
  });

  it('exits 1 when the port is denied, and says which rules do not admit it', async () => {
    const result = await explain(
      '--src',
      'app/frontend',
      '--dst',
      'app/backend',
      '--port',
      '8080/tcp',
    );
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(`${FRONTEND} => ${BACKEND} on TCP 8080: DENIED`);
    expect(result.stdout).toContain(`    ${RULE} (not TCP 8080)`);
  });

  it('without --port, exits 0 when something is allowed and 1 when nothing is', async () => {
    const open = await explain('--src', BACKEND, '--dst', FRONTEND);
    expect(open.code).toBe(0);
    expect(open.stdout.split('\n').slice(0, 2)).toEqual([
      `${BACKEND} => ${FRONTEND}: ALLOWED`,
      'allowed connections: All Connections',
    ]);
    const closed = await explain('--src', '203.0.113.9', '--dst', BACKEND);
    expect(closed.code).toBe(1);
    expect(closed.stdout).toContain(
      'egress at the source (203.0.113.9, outside the cluster):\n  no policy applies to an external address: default allow',
    );
    expect(closed.stdout).toContain('  matching rules: none admits this peer');
    expect(closed.stdout.split('\n')[1]).toBe('allowed connections: No Connections');
  });

  /** A cluster tier that no cluster policy fills. */
  const NO_TIER = {
    policies: [],
    rules: [],
    accepted: 'No Connections',
    denied: 'No Connections',
    passed: 'No Connections',
    fqdn: [],
  };

  it('prints the explanation as JSON with connection sets as strings', async () => {
    const result = await explain(
      '--src',
      FRONTEND,
      '--dst',
      BACKEND,
      '--port',
      '5353/UDP',
      '--output',
      'json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      src: FRONTEND,
      dst: BACKEND,
      query: { protocol: 'UDP', port: 5353 },
      allowed: 'TCP 9000,UDP 5353',
      verdict: true,
      egress: {
        direction: 'egress',
        subject: 'app/frontend',
        isolated: false,
        hostNetworkExempt: false,
        isolatingPolicies: [],
        matchingRules: [],
        allowed: 'All Connections',
        default: 'allow',
        path: 'NetworkPolicy: not isolated → default: allow',
        decidedBy: { tier: 'Default' },
        admin: NO_TIER,
        baseline: NO_TIER,
        conflicts: [],
      },
      ingress: {
        direction: 'ingress',
        subject: 'app/backend',
        isolated: true,
        hostNetworkExempt: false,
        isolatingPolicies: [{ kind: 'NetworkPolicy', namespace: 'app', name: 'backend-ingress' }],
        matchingRules: [
          {
            policy: { kind: 'NetworkPolicy', namespace: 'app', name: 'backend-ingress' },
            direction: 'ingress',
            ruleIndex: 0,
            connections: 'TCP 9000,UDP 5353',
            admitsQuery: true,
          },
        ],
        allowed: 'TCP 9000,UDP 5353',
        default: 'deny',
        path: 'NetworkPolicy: isolated, allowed by app/backend-ingress rule 0',
        decidedBy: { tier: 'NetworkPolicy' },
        admin: NO_TIER,
        baseline: NO_TIER,
        conflicts: [],
      },
      notes: [],
    });
  });

  it('explains the ingress controller reaching an exposed workload', async () => {
    const result = await explain(
      '--src',
      '{ingress-controller}',
      '--dst',
      FRONTEND,
      '--port',
      '8080',
      '-o',
      'json',
    );
    expect(result.code).toBe(0);
    // Policies alone decide here: nothing isolates the frontend for ingress.
    expect(JSON.parse(result.stdout)).toMatchObject({
      src: '{ingress-controller}',
      query: { protocol: 'TCP', port: 8080 },
      verdict: true,
      allowed: 'All Connections',
      egress: { subject: 'fenceline-ingress-controller/ingress-controller', isolated: false },
    });
  });

  it.each([['70000'], ['0'], ['80/ICMP'], ['http'], ['80/']])(
    'exits 2 on --port %s',
    async (port) => {
      const result = await explain('--src', FRONTEND, '--dst', BACKEND, '--port', port);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`option '--port <port>' argument '${port}' is invalid`);
    },
  );

  it('exits 2 on an unknown peer or a missing --dst', async () => {
    const unknown = await explain('--src', 'app/nope', '--dst', BACKEND);
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: peer "app/nope": no such pod or workload\n',
    });
    const missing = await explain('--src', FRONTEND);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--dst <peer>' not specified");
  });
});
