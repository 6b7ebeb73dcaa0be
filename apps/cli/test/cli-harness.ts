import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../src/cli';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with buffered stdout/stderr, relative paths taken from `cwd`. */
export async function run(cwd: string, ...argv: string[]): Promise<CliResult> {
  return runWithEnv({}, cwd, ...argv);
}

/** {@link run} with an environment (for the `admin` commands). */
export async function runWithEnv(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  ...argv: string[]
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding `files` (relative path → content); `remove()` cleans up. */
export function tempTree(files: Readonly<Record<string, string>>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fenceline-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const deployment = (name: string, port: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: app }
spec:
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: main
          ports: [${port}]
`;

export const backendPolicy = (ports: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: backend-ingress, namespace: app }
spec:
  podSelector: { matchLabels: { app: backend } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: frontend } } }]
      ports: ${ports}
`;

/**
 * Namespace app with a frontend (named port http=8080) exposed by a Service and an Ingress, and
 * a backend (named port api=9000) that admits only the frontend, on api and UDP 5353.
 */
export const APP_FILES: Readonly<Record<string, string>> = {
  'base/namespace.yaml':
    'apiVersion: v1\nkind: Namespace\nmetadata: { name: app, labels: { team: app } }\n',
  'base/workloads.yaml': [
    deployment('frontend', '{ name: http, containerPort: 8080 }'),
    deployment('backend', '{ name: api, containerPort: 9000 }'),
  ].join('---\n'),
  'base/policy.yaml': backendPolicy('[{ port: api }, { protocol: UDP, port: 5353 }]'),
  'base/expose.yaml': `apiVersion: v1
kind: Service
metadata: { name: frontend, namespace: app }
spec:
  selector: { app: frontend }
  ports: [{ name: web, port: 80, targetPort: http }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: frontend, namespace: app }
spec:
  defaultBackend: { service: { name: frontend, port: { number: 80 } } }
`,
};

export const ALL_V4 = '0.0.0.0-255.255.255.255[External]';
export const FRONTEND = 'app/frontend[Deployment]';
export const BACKEND = 'app/backend[Deployment]';

/**
 * The connections of APP_FILES, worked out by hand: nothing isolates the frontend or the
 * backend's egress, so those are open to everything; the backend admits only the frontend, on
 * api (9000) and UDP 5353; the ingress controller reaches the frontend on the Service's target
 * port, http (8080).
 */
export const APP_CONNLIST = [
  { src: ALL_V4, dst: FRONTEND, conn: 'All Connections' },
  { src: BACKEND, dst: ALL_V4, conn: 'All Connections' },
  { src: BACKEND, dst: FRONTEND, conn: 'All Connections' },
  { src: FRONTEND, dst: ALL_V4, conn: 'All Connections' },
  { src: FRONTEND, dst: BACKEND, conn: 'TCP 9000,UDP 5353' },
  { src: '{ingress-controller}', dst: FRONTEND, conn: 'TCP 8080' },
];
