import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { TemplateError, YAML_1_1, renderString } from './helm-subset';
import { type Values, joinManifests, mergeValues, renderChart } from './helm-subset-chart';
import {
  type Deployment,
  type K8sObject,
  type PolicyRule,
  dockerStages,
  valueKeys,
} from './agent-install.fixtures';

/**
 * The agent's install artefacts. No helm, kubectl or docker here: the chart is rendered by
 * ./helm-subset-chart (which throws on anything outside the subset it implements) and the objects
 * and the Dockerfile are checked by reading them.
 */
const ROOT = resolve(__dirname, '../..');
const CHART_DIR = resolve(ROOT, 'deploy/agent/chart');
const MANIFESTS_FILE = resolve(ROOT, 'deploy/agent/manifests/fenceline-agent.yaml');
const RELEASE = { name: 'fenceline-agent', namespace: 'fenceline' };
const API_URL = 'https://fenceline.example.com';
const PLAIN_VALUES = {
  apiUrl: API_URL,
  namespace: { create: true },
  token: { value: 'REPLACE-WITH-AGENT-TOKEN' },
};
const ALL_ON = { ...PLAIN_VALUES, metrics: { serviceMonitor: { enabled: true } } };

const MANIFESTS_HEADER = `# The Fenceline cluster agent as plain Kubernetes manifests, for clusters without Helm.
# Rendered from deploy/agent/chart (release fenceline-agent, namespace fenceline, values
# apiUrl=${API_URL}, namespace.create=true, token.value=REPLACE-WITH-AGENT-TOKEN);
# do not edit by hand, regenerate with
#   UPDATE_GOLDEN=1 npx jest -c test/jest.config.js test/deploy/agent-install
#
# Install:
#   1. Replace ${API_URL} with the URL of your Fenceline API and
#      REPLACE-WITH-AGENT-TOKEN with the cluster's agent token (fla_..., shown once by
#      POST /v1/clusters/<id>/agent-tokens).
#   2. kubectl apply -f fenceline-agent.yaml
#   3. kubectl -n fenceline rollout status deploy/fenceline-agent
# Uninstall: kubectl delete -f fenceline-agent.yaml
`;

const EXPECTED_RESOURCES = [
  'core/namespaces',
  'core/nodes',
  'core/pods',
  'core/services',
  'networking.k8s.io/networkpolicies',
  'networking.k8s.io/ingresses',
  'policy.networking.k8s.io/clusternetworkpolicies',
  'policy.networking.k8s.io/adminnetworkpolicies',
  'policy.networking.k8s.io/baselineadminnetworkpolicies',
  'route.openshift.io/routes',
  'apps/daemonsets',
  'apps/replicasets',
  'batch/jobs',
  'crd.projectcalico.org/networkpolicies',
  'crd.projectcalico.org/globalnetworkpolicies',
  'crd.projectcalico.org/stagednetworkpolicies',
  'crd.projectcalico.org/stagedglobalnetworkpolicies',
  'crd.projectcalico.org/stagedkubernetesnetworkpolicies',
  'cilium.io/ciliumnetworkpolicies',
  'cilium.io/ciliumclusterwidenetworkpolicies',
  'crd.antrea.io/networkpolicies',
  'crd.antrea.io/clusternetworkpolicies',
];

function render(values: Values = { apiUrl: API_URL }) {
  return renderChart(CHART_DIR, { release: RELEASE, values });
}

function objects(values?: Values): K8sObject[] {
  return render(values).manifests.map((m) => parse(m.text, YAML_1_1) as K8sObject);
}

/** The one object of a kind (describe blocks call it while collecting, so it throws, not expects). */
function only<T extends K8sObject>(all: readonly K8sObject[], kind: string): T {
  const found = all.filter((o) => o.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0] as T;
}

function agentPod(values?: Values) {
  const all = objects(values);
  const pod = only<Deployment>(all, 'Deployment').spec.template.spec;
  if (pod.containers.length !== 1) throw new Error('expected one container');
  const container = pod.containers[0]!;
  const env = (name: string) => container.env.find((e) => e.name === name)?.value;
  return { all, pod, container, env };
}

describe('helm-subset renderer', () => {
  const context = {
    a: 'x',
    empty: '',
    n: 8080,
    big: 1000000,
    map: { k: 'v' },
    list: [1],
    nested: { b: { c: 'deep' } },
  };
  const run = (source: string) => renderString(source, context);

  it('evaluates fields, literals and pipelines, piping the value in as the last argument', () => {
    expect(run('{{ .a }}|{{ .nested.b.c }}|{{ .n }}|{{ "lit" }}|{{ 3 }}|{{ true }}')).toBe(
      'x|deep|8080|lit|3|true',
    );
    expect(
      run('{{ .empty | default "fallback" | quote }} {{ .a | default "fallback" }} {{ quote .n }}'),
    ).toBe('"fallback" x "8080"');
    expect(
      run('{{ "abcdef-" | trunc 7 | trimSuffix "-" }} {{ trunc -2 "abc" }} {{ required "no" .a }}'),
    ).toBe('abcdef bc x');
    expect(run('{{ (or .empty .a) | quote }} {{ not .empty }} {{ or .empty 0 }}')).toBe(
      '"x" true 0',
    );
  });

  it('trims whitespace, newlines included, on the side of the dash only', () => {
    expect(run('a \n {{- .a -}} \n b')).toBe('axb');
    expect(run('a \n {{- .a }} \n b')).toBe('ax \n b');
    expect(run('a\n{{- /* a comment */ -}}\nb {{/* another */}}c')).toBe('ab c');
    expect(run('{{-3}}')).toBe('-3');
  });

  it('runs if/else if/else and with/else, with rebinding the dot and $ staying the root', () => {
    const t =
      '{{ if .empty }}1{{ else if .a }}2{{ else }}3{{ end }}{{ if .empty }}4{{ else }}5{{ end }}';
    expect(run(t)).toBe('25');
    expect(
      run(
        '{{ with .nested.b }}{{ .c }}{{ $.a }}{{ end }}{{ with .empty }}no{{ else }}{{ .a }}{{ end }}',
      ),
    ).toBe('deepxx');
    expect(run('{{ if .a }}{{ else if required "not evaluated" .empty }}{{ end }}')).toBe('');
  });

  it('includes defined templates and indents them with nindent and toYaml', () => {
    const t =
      '{{- define "kv" -}}\nk: {{ .a }}\n{{- end -}}\nm:\n  {{- include "kv" . | nindent 2 }}\nl: {{- toYaml .map | nindent 2 }}';
    expect(run(t)).toBe('m:\n  k: x\nl:\n  k: v');
    expect(run('{{ toYaml .list }}|{{ toYaml .nested }}')).toBe('- 1|b:\n  c: deep');
  });

  it('fails with the message of required and fail', () => {
    expect(() => run('{{ required "a is required" .empty }}')).toThrow('inline:1: a is required');
    expect(() => run('\n{{ fail "boom" }}')).toThrow('inline:2: boom');
  });

  it.each([
    ['range', '{{ range .list }}{{ . }}{{ end }}', 'unsupported construct {{range}}'],
    ['variables', '{{ $x := .a }}', 'unsupported construct: variables'],
    ['an unknown function', '{{ .a | upper }}', 'unsupported function upper'],
    ['lookup', '{{ lookup "v1" "Secret" "" "" }}', 'unsupported function lookup'],
    ['.Files', '{{ .Files.Get "x" }}', '.Files.Get is not a function'],
    ['template', '{{ template "x" . }}', 'unsupported construct {{template}}'],
    [
      'else with',
      '{{ with .a }}{{ else with .b }}{{ end }}',
      'unsupported construct {{else with ...}}',
    ],
    ['raw strings', '{{ `raw` }}', 'unsupported syntax at "`raw`'],
    ['floats', '{{ 1.5 }}', 'unsupported syntax at "1.5'],
    ['nil', '{{ nil }}', 'unsupported construct {{nil}}'],
    [
      'fields of a parenthesized pipeline',
      '{{ (.nested).b }}',
      'unsupported construct: field of a parenthesized pipeline',
    ],
    ['a non-function stage', '{{ .a | .empty }}', '.empty is not a function'],
    ['a missing key', '{{ .missing }}', '.missing: no such key'],
    ['a field of a string', '{{ .a.b }}', '.a.b: cannot take a field of string'],
    ['printing a map', '{{ .map }}', 'cannot print a map; use toYaml'],
    ['printing what Go would print with an exponent', '{{ .big }}', 'Go would use an exponent'],
    [
      'a number where a string is expected',
      '{{ .n | trunc 2 }}',
      'wrong type for value; expected string; got number',
    ],
    [
      'a wrong argument count',
      '{{ default "x" }}',
      'wrong number of args for default: want 2 got 1',
    ],
    ['an unknown template', '{{ include "nope" . }}', 'no template "nope"'],
    ['an unclosed if', '{{ if .a }}x', '{{if}} without {{end}}'],
    ['a stray end', '{{ end }}', 'unexpected {{end}}'],
    ['a comment not right after the delimiter', '{{ /* c */ }}', 'unsupported syntax at "/*'],
    [
      'define below the top level',
      '{{ if .a }}{{ define "x" }}{{ end }}{{ end }}',
      '{{define}} must be at the top level',
    ],
  ])('throws on %s', (_, source, message) => {
    expect(() => run(source)).toThrow(TemplateError);
    expect(() => run(source)).toThrow(message);
  });

  it('merges values like helm: maps merge, anything else replaces, null deletes', () => {
    const defaults = { a: { b: 1, c: [1, 2] }, d: 'x', e: 'y' };
    expect(mergeValues(defaults, { a: { c: [3] }, d: null, f: true })).toEqual({
      a: { b: 1, c: [3] },
      e: 'y',
      f: true,
    });
  });
});

describe('fenceline-agent chart', () => {
  const chart = parse(readFileSync(resolve(CHART_DIR, 'Chart.yaml'), 'utf8'), YAML_1_1) as Record<
    string,
    string
  >;

  it('is a v2 chart fenceline-agent 0.1.0', () => {
    expect(chart).toMatchObject({
      apiVersion: 'v2',
      name: 'fenceline-agent',
      version: '0.1.0',
      appVersion: '0.1.0',
    });
  });

  describe('rendering', () => {
    it('renders the defaults plus apiUrl into Kubernetes objects', () => {
      const all = objects();
      for (const o of all) {
        expect(o).toMatchObject({
          apiVersion: expect.stringMatching(/^[\w.]+(\/\w+)?$/),
          kind: expect.any(String),
        });
        expect(o.metadata.name).toBe('fenceline-agent');
        expect(o.metadata.labels).toMatchObject({
          'app.kubernetes.io/name': 'fenceline-agent',
          'app.kubernetes.io/version': '0.1.0',
        });
      }
      expect(agentPod().env('FENCELINE_API_URL')).toBe(API_URL);
    });

    it('fails without apiUrl, naming it', () => {
      expect(() => render({})).toThrow(/deployment\.yaml:\d+: apiUrl is required/);
    });

    it('fails when both token.value and token.existingSecret are set', () => {
      expect(() => render({ apiUrl: API_URL, token: { value: 't', existingSecret: 's' } })).toThrow(
        'set token.value or token.existingSecret, not both',
      );
    });

    it('prints NOTES that say how to check the agent, and how to add a missing token', () => {
      const { notes } = render();
      expect(notes).toContain('kubectl -n fenceline logs deploy/fenceline-agent');
      expect(notes).toContain(
        'kubectl -n fenceline create secret generic fenceline-agent --from-file=token=./agent-token',
      );
      expect(render(PLAIN_VALUES).notes).not.toContain('No token is set');
    });
  });

  describe('plain manifests', () => {
    it('are the chart rendered with the documented values, object by object and in install order', () => {
      const rendered = render(PLAIN_VALUES).manifests;
      if (process.env['UPDATE_GOLDEN'] === '1')
        writeFileSync(MANIFESTS_FILE, MANIFESTS_HEADER + joinManifests(rendered));
      const docs = parseAllDocuments(readFileSync(MANIFESTS_FILE, 'utf8'), YAML_1_1);
      const plain = (Array.isArray(docs) ? docs : []).map((d) => {
        expect(d.errors).toEqual([]);
        return d.toJS() as K8sObject;
      });
      expect(plain).toEqual(rendered.map((m) => parse(m.text, YAML_1_1) as K8sObject));
      expect(plain.map((o) => o.kind)).toEqual([
        'Namespace',
        'ServiceAccount',
        'Secret',
        'ClusterRole',
        'ClusterRoleBinding',
        'Deployment',
      ]);
    });

    it('start with a header that says how to apply them', () => {
      expect(readFileSync(MANIFESTS_FILE, 'utf8').startsWith(MANIFESTS_HEADER)).toBe(true);
    });
  });

  describe('RBAC', () => {
    const all = objects(ALL_ON);
    const role = only<K8sObject & { rules: PolicyRule[] }>(all, 'ClusterRole');

    it('only gets, lists and watches, with no wildcard, no secrets and no non-resource URLs', () => {
      for (const rule of role.rules) {
        expect(['get', 'list', 'watch']).toEqual(expect.arrayContaining(rule.verbs));
        expect([...rule.verbs, ...(rule.apiGroups ?? []), ...(rule.resources ?? [])]).not.toContain(
          '*',
        );
        expect(
          rule.resources?.filter((r) => r === 'secrets' || r.includes('/') || r.includes('*')),
        ).toEqual([]);
        expect(rule.nonResourceURLs).toBeUndefined();
      }
      expect(all.filter((o) => o.kind === 'Role' || o.kind === 'RoleBinding')).toEqual([]);
    });

    it('covers exactly the resources the agent reads', () => {
      const granted = role.rules.flatMap((r) =>
        (r.apiGroups ?? []).flatMap((g) =>
          (r.resources ?? []).map((res) => `${g || 'core'}/${res}`),
        ),
      );
      expect(granted.sort()).toEqual([...EXPECTED_RESOURCES].sort());
    });

    it('binds the ClusterRole to the ServiceAccount the agent runs as', () => {
      const binding = only<K8sObject & { roleRef: unknown; subjects: unknown[] }>(
        all,
        'ClusterRoleBinding',
      );
      const sa = only(all, 'ServiceAccount');
      expect(binding.roleRef).toEqual({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: role.metadata.name,
      });
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: sa.metadata.name, namespace: 'fenceline' },
      ]);
      expect(only<Deployment>(all, 'Deployment').spec.template.spec.serviceAccountName).toBe(
        sa.metadata.name,
      );
    });
  });

  describe('Deployment', () => {
    const { all, pod, container, env } = agentPod(PLAIN_VALUES);
    const deployment = only<Deployment>(all, 'Deployment');
    const securityContext = { ...pod.securityContext, ...container.securityContext };

    it('runs one agent, replaced (never surged) on update', () => {
      expect(deployment.spec.replicas).toBe(1);
      expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
      expect(pod.terminationGracePeriodSeconds).toBe(30);
    });

    it('is hardened: non-root, read-only root, no privilege escalation, no capabilities, RuntimeDefault seccomp', () => {
      expect(securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 65532,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(container.securityContext.privileged).toBeUndefined();
    });

    it('requests 50m CPU and 64Mi, and is limited to 256Mi', () => {
      expect(container.resources).toEqual({
        requests: { cpu: '50m', memory: '64Mi' },
        limits: { memory: '256Mi' },
      });
    });

    it('probes /healthz and /readyz on the named port health, the one the agent listens on', () => {
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'health' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'health' });
      const port = container.ports.find((p) => p.name === 'health');
      expect(String(port?.containerPort)).toBe(env('FENCELINE_HEALTH_PORT'));
      expect(deployment.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(port?.containerPort),
        'prometheus.io/path': '/metrics',
      });
    });

    it('mounts the spool emptyDir, size-limited, at FENCELINE_SPOOL_DIR', () => {
      const mount = container.volumeMounts.find((m) => m.mountPath === env('FENCELINE_SPOOL_DIR'));
      const volume = pod.volumes.find((v) => v.name === mount?.name);
      expect(volume?.emptyDir).toEqual({ sizeLimit: '128Mi' });
      expect(mount?.readOnly).toBeUndefined();
    });

    it('reads the token from the Secret through FENCELINE_TOKEN_FILE, never from a plain variable', () => {
      const secret = only<K8sObject & { stringData: Record<string, string> }>(all, 'Secret');
      const volume = pod.volumes.find((v) => v.secret?.secretName === secret.metadata.name);
      const mount = container.volumeMounts.find((m) => m.name === volume?.name);
      const [item] = volume?.secret?.items ?? [];
      expect(secret.stringData).toEqual({ [item!.key]: 'REPLACE-WITH-AGENT-TOKEN' });
      expect(env('FENCELINE_TOKEN_FILE')).toBe(`${mount!.mountPath}/${item!.path}`);
      expect(env('FENCELINE_TOKEN_FILE')).toBe('/var/run/secrets/fenceline/token');
      expect(mount?.readOnly).toBe(true);
      expect(volume?.secret?.defaultMode).toBe(0o440);
      expect(pod.securityContext.fsGroup).toBe(65532);
      expect(env('FENCELINE_TOKEN')).toBeUndefined();
    });

    it('keeps the ServiceAccount token mounted: the agent authenticates with it', () => {
      expect(pod.automountServiceAccountToken).not.toBe(false);
      expect(
        only<K8sObject & { automountServiceAccountToken?: boolean }>(all, 'ServiceAccount')
          .automountServiceAccountToken,
      ).not.toBe(false);
    });

    it('runs the chart appVersion image with the agent settings from values', () => {
      expect(container.image).toBe(`ghcr.io/fenceline/agent:${chart['appVersion']}`);
      expect(container.env).toEqual([
        { name: 'FENCELINE_API_URL', value: API_URL },
        { name: 'FENCELINE_TOKEN_FILE', value: '/var/run/secrets/fenceline/token' },
        { name: 'FENCELINE_DEBOUNCE', value: '5s' },
        { name: 'FENCELINE_RESYNC_INTERVAL', value: '10m' },
        { name: 'FENCELINE_SPOOL_DIR', value: '/var/spool/fenceline' },
        { name: 'FENCELINE_HEALTH_PORT', value: '8080' },
        { name: 'FENCELINE_LOG_LEVEL', value: 'info' },
      ]);
    });

    it('takes an existing Secret and key instead of token.value', () => {
      const custom = agentPod({
        apiUrl: API_URL,
        token: { existingSecret: 'agent-token', key: 'value' },
      });
      expect(custom.all.map((o) => o.kind)).not.toContain('Secret');
      expect(custom.pod.volumes.find((v) => v.secret)?.secret).toMatchObject({
        secretName: 'agent-token',
        items: [{ key: 'value', path: 'token' }],
      });
    });

    it('puts the optional values where they belong', () => {
      const custom = agentPod({
        apiUrl: API_URL,
        fullnameOverride: 'agent',
        clusterName: 'prod-eu-1',
        logLevel: 'debug',
        healthPort: 9090,
        image: { tag: '0.2.0' },
        priorityClassName: 'system-cluster-critical',
        imagePullSecrets: [{ name: 'regcred' }],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
        affinity: { nodeAffinity: {} },
        podAnnotations: { 'example.com/team': 'platform' },
        extraEnv: [{ name: 'HTTPS_PROXY', value: 'http://proxy.internal:3128' }],
      });
      expect(custom.all.every((o) => o.metadata.name === 'agent')).toBe(true);
      expect(custom.container.image).toBe('ghcr.io/fenceline/agent:0.2.0');
      expect([
        custom.env('FENCELINE_CLUSTER_NAME'),
        custom.env('FENCELINE_LOG_LEVEL'),
        custom.env('FENCELINE_HEALTH_PORT'),
      ]).toEqual(['prod-eu-1', 'debug', '9090']);
      expect(custom.container.env.at(-1)).toEqual({
        name: 'HTTPS_PROXY',
        value: 'http://proxy.internal:3128',
      });
      expect(custom.container.ports).toEqual([
        { name: 'health', containerPort: 9090, protocol: 'TCP' },
      ]);
      expect(custom.pod).toMatchObject({
        priorityClassName: 'system-cluster-critical',
        imagePullSecrets: [{ name: 'regcred' }],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
        affinity: { nodeAffinity: {} },
      });
      expect(
        only<Deployment>(custom.all, 'Deployment').spec.template.metadata.annotations,
      ).toMatchObject({ 'example.com/team': 'platform', 'prometheus.io/port': '9090' });
    });
  });

  describe('kinds', () => {
    const BASE = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Deployment'];
    it.each<[string, Values, string[]]>([
      ['defaults plus apiUrl (the Secret is created separately)', { apiUrl: API_URL }, BASE],
      [
        'the plain manifests values',
        PLAIN_VALUES,
        ['Namespace', 'ServiceAccount', 'Secret', ...BASE.slice(1)],
      ],
      [
        'metrics.service.enabled',
        { apiUrl: API_URL, metrics: { service: { enabled: true } } },
        [...BASE.slice(0, 3), 'Service', 'Deployment'],
      ],
      [
        'metrics.serviceMonitor.enabled',
        { apiUrl: API_URL, metrics: { serviceMonitor: { enabled: true } } },
        [...BASE.slice(0, 3), 'Service', 'Deployment', 'ServiceMonitor'],
      ],
    ])('with %s', (_, values, kinds) => {
      const all = objects(values);
      expect(all.map((o) => o.kind)).toEqual(kinds);
      const clusterScoped = ['Namespace', 'ClusterRole', 'ClusterRoleBinding'];
      for (const o of all)
        expect(o.metadata.namespace).toBe(clusterScoped.includes(o.kind) ? undefined : 'fenceline');
    });

    it('points the ServiceMonitor at the Service port in front of the health port', () => {
      const all = objects({
        apiUrl: API_URL,
        metrics: { serviceMonitor: { enabled: true, labels: { release: 'prometheus' } } },
      });
      const service = only<
        K8sObject & { spec: { selector: unknown; ports: { name: string; targetPort: string }[] } }
      >(all, 'Service');
      const monitor = only<
        K8sObject & {
          spec: { selector: { matchLabels: unknown }; endpoints: { port: string; path: string }[] };
        }
      >(all, 'ServiceMonitor');
      expect(service.spec.ports).toEqual([
        { name: 'http-metrics', port: 8080, targetPort: 'health', protocol: 'TCP' },
      ]);
      expect(monitor.spec.endpoints).toEqual([
        { port: 'http-metrics', path: '/metrics', interval: '30s' },
      ]);
      expect(monitor.spec.selector.matchLabels).toEqual(service.spec.selector);
      expect(monitor.metadata.labels).toMatchObject({ release: 'prometheus' });
    });
  });

  describe('values.yaml', () => {
    const text = readFileSync(resolve(CHART_DIR, 'values.yaml'), 'utf8');
    const keys = valueKeys(text, parse(text, YAML_1_1) as Values);
    const templates = readdirSync(resolve(CHART_DIR, 'templates')).map((f) =>
      readFileSync(resolve(CHART_DIR, 'templates', f), 'utf8'),
    );
    const refs = new Set(
      templates.flatMap((t) =>
        [...t.matchAll(/\.Values((?:\.[A-Za-z_]\w*)+)/g)].map((m) => m[1]!.slice(1)),
      ),
    );
    // A value used whole (`toYaml .Values.resources`) is documented and used as one.
    const usedWhole = (path: string) => [...refs].some((r) => path.startsWith(`${r}.`));

    it('documents every value with a comment', () => {
      expect(keys.filter((k) => !k.documented && !usedWhole(k.path)).map((k) => k.path)).toEqual(
        [],
      );
    });

    it('has no value the templates do not use', () => {
      const unused = keys
        .filter((k) => k.leaf && !refs.has(k.path) && !usedWhole(k.path))
        .map((k) => k.path);
      expect(unused).toEqual([]);
    });

    it('has every value the templates use', () => {
      expect([...refs].filter((r) => !keys.some((k) => k.path === r))).toEqual([]);
    });
  });
});

describe('Dockerfile.agent', () => {
  const text = readFileSync(resolve(ROOT, 'deploy/docker/Dockerfile.agent'), 'utf8');
  const stages = dockerStages(text);
  const final = stages.at(-1)!;

  it('builds the agent bundle in a Node.js stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]!.from).toBe('node:20-bookworm-slim AS build');
    expect(stages[0]!.lines).toEqual(
      expect.arrayContaining([
        'RUN npm ci --no-audit --no-fund',
        'RUN NX_DAEMON=false npx nx run agent:build --output-style=static',
      ]),
    );
    // The bundle path the image copies is the one the build writes.
    expect(readFileSync(resolve(ROOT, 'apps/agent/esbuild.js'), 'utf8')).toContain(
      "outfile: 'dist/apps/agent/main.js'",
    );
  });

  it('runs it on distroless Node.js as non-root, with only the bundle and no npm', () => {
    expect(final.from).toBe('gcr.io/distroless/nodejs20-debian12:nonroot');
    expect(final.lines.filter((l) => l.startsWith('USER ')).at(-1)).toBe('USER 65532');
    expect(final.lines.filter((l) => /\bnpm\b/.test(l) || l.startsWith('RUN '))).toEqual([]);
    const copies = final.lines.filter((l) => /^(COPY|ADD) /.test(l));
    expect(copies).toEqual(['COPY --from=build /app/dist/apps/agent/main.js /app/']);
    expect(final.lines).toEqual(expect.arrayContaining(['EXPOSE 8080', 'CMD ["/app/main.js"]']));
    expect(final.lines.find((l) => l.startsWith('ENV '))).toMatch(/\bNODE_ENV=production\b/);
  });

  it('says how to build it from the repository root', () => {
    expect(text).toContain(
      'docker build -f deploy/docker/Dockerfile.agent -t ghcr.io/fenceline/agent:0.1.0 .',
    );
  });
});
