/** The few Kubernetes shapes, and the readers of values.yaml and a Dockerfile, that agent-install checks. */

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}

export interface PolicyRule {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly verbs: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

interface SecurityContext {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly fsGroup?: number;
  readonly readOnlyRootFilesystem?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly privileged?: boolean;
  readonly capabilities?: { readonly drop?: readonly string[] };
  readonly seccompProfile?: { readonly type: string };
}

interface Probe {
  readonly httpGet: { readonly path: string; readonly port: string | number };
}

interface Container {
  readonly image: string;
  readonly env: readonly { readonly name: string; readonly value?: string }[];
  readonly ports: readonly { readonly name: string; readonly containerPort: number }[];
  readonly livenessProbe: Probe;
  readonly readinessProbe: Probe;
  readonly resources: unknown;
  readonly securityContext: SecurityContext;
  readonly volumeMounts: readonly {
    readonly name: string;
    readonly mountPath: string;
    readonly readOnly?: boolean;
  }[];
}

interface Volume {
  readonly name: string;
  readonly emptyDir?: { readonly sizeLimit?: string };
  readonly secret?: {
    readonly secretName: string;
    readonly items?: readonly { readonly key: string; readonly path: string }[];
    readonly defaultMode?: number;
  };
}

export interface Deployment extends K8sObject {
  readonly spec: {
    readonly replicas: number;
    readonly strategy: unknown;
    readonly template: {
      readonly metadata: { readonly annotations?: Readonly<Record<string, string>> };
      readonly spec: {
        readonly serviceAccountName: string;
        readonly automountServiceAccountToken?: boolean;
        readonly terminationGracePeriodSeconds: number;
        readonly securityContext: SecurityContext;
        readonly containers: readonly Container[];
        readonly volumes: readonly Volume[];
      };
    };
  };
}

export interface ValueKey {
  /** Dotted path, e.g. `token.existingSecret`. */
  readonly path: string;
  /** A comment on the line above (same indentation) or at the end of the line. */
  readonly documented: boolean;
  /** Not a map with keys: a value templates print or hand to toYaml. */
  readonly leaf: boolean;
}

/**
 * Every key of a values.yaml, read line by line (a YAML parser keeps no per-key comments in a
 * form worth relying on), cross-checked against the parsed values so no key is missed.
 */
export function valueKeys(text: string, parsed: Readonly<Record<string, unknown>>): ValueKey[] {
  const keys: ValueKey[] = [];
  const stack: { indent: number; key: string }[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^( *)([A-Za-z_][\w-]*):(.*)$/.exec(line);
    if (!m) return;
    const [, spaces = '', key = '', rest = ''] = m;
    while (stack.length > 0 && stack.at(-1)!.indent >= spaces.length) stack.pop();
    const path = [...stack.map((s) => s.key), key].join('.');
    const above = lines
      .slice(0, i)
      .reverse()
      .find((l) => l.trim() !== '');
    const documented =
      /\s#\s/.test(rest) || (above !== undefined && above.startsWith(`${spaces}#`));
    keys.push({ path, documented, leaf: rest.trim() !== '' });
    stack.push({ indent: spaces.length, key });
  });
  const expected = paths(parsed, '');
  const scanned = keys.map((k) => k.path);
  if (scanned.join() !== expected.join())
    throw new Error(`values.yaml scan mismatch: ${scanned.join()} vs ${expected.join()}`);
  return keys;
}

function paths(value: Readonly<Record<string, unknown>>, prefix: string): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = prefix + key;
    const isMap =
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;
    return isMap ? [path, ...paths(v as Record<string, unknown>, `${path}.`)] : [path];
  });
}

export interface DockerStage {
  /** What follows FROM, e.g. `node:20-bookworm-slim AS build`. */
  readonly from: string;
  /** The stage's instructions after FROM, continuations joined, comments dropped. */
  readonly lines: readonly string[];
}

export function dockerStages(dockerfile: string): DockerStage[] {
  const instructions = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const stages: { from: string; lines: string[] }[] = [];
  for (const line of instructions) {
    if (line.startsWith('FROM ')) stages.push({ from: line.slice(5), lines: [] });
    else if (stages.length === 0) throw new Error(`Dockerfile: ${line} before FROM`);
    else stages.at(-1)!.lines.push(line);
  }
  return stages;
}
