import type { ServerResponse } from 'node:http';
import {
  apiVersionOf,
  type FakeResource,
  kubeStatus,
  type KubeStatus,
  NOT_FOUND_MESSAGE,
} from './fake-kube-resources';

/** A Kubernetes object as JSON (kind, apiVersion, metadata, ...). */
export type KubeObject = Record<string, unknown>;

const WRITE_BATCH_BYTES = 1 << 20;
const DUMMY_TOKEN = 'fake-kube-api-token';
const CONTEXT = 'fake-kube-api';

/**
 * Kubeconfig YAML for a server at `url`. `insecure-skip-tls-verify` is set because client-node
 * refuses plain http without it.
 */
export function kubeconfigYaml(url: string, token: string | undefined): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${CONTEXT}`,
    '  cluster:',
    `    server: ${url}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${CONTEXT}`,
    '  user:',
    // A JSON string is a valid YAML double-quoted scalar, whatever the token holds.
    `    token: ${JSON.stringify(token ?? DUMMY_TOKEN)}`,
    'contexts:',
    `- name: ${CONTEXT}`,
    '  context:',
    `    cluster: ${CONTEXT}`,
    `    user: ${CONTEXT}`,
    `current-context: ${CONTEXT}`,
    '',
  ].join('\n');
}

/** One line of a watch stream: `{"type":…,"object":…}` and a newline. */
export function eventLine(type: string, objectJson: string): string {
  return `{"type":"${type}","object":${objectJson}}\n`;
}

/** A BOOKMARK event at `rv`; the last one of the initial events is annotated as such. */
export function bookmarkLine(
  resource: FakeResource,
  rv: number,
  initialEventsEnd: boolean,
): string {
  const metadata = {
    resourceVersion: String(rv),
    ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
  };
  const object = { kind: resource.kind, apiVersion: apiVersionOf(resource), metadata };
  return eventLine('BOOKMARK', JSON.stringify(object));
}

/** Writes to a stream unless it has ended (a watch closed by the client). */
export function write(res: ServerResponse, chunk: string): void {
  if (!res.writableEnded && !res.destroyed) res.write(chunk);
}

/** Writes many lines in chunks of about 1 MB instead of one write per line. */
export function writeBatched(res: ServerResponse, lines: readonly string[]): void {
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size >= WRITE_BATCH_BYTES) {
      write(res, batch.join(''));
      [batch, size] = [[], 0];
    }
  }
  if (batch.length > 0) write(res, batch.join(''));
}

/** Answers `code` with a JSON body already serialized. */
export function sendJson(res: ServerResponse, code: number, body: string): void {
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Answers with a metav1.Status, its code as the HTTP status. */
export function sendStatus(res: ServerResponse, status: KubeStatus): void {
  sendJson(res, status.code, JSON.stringify(status));
}

/** Answers a discovery document, or 404 when there is none. */
export function sendDocument(res: ServerResponse, document: KubeObject | undefined): void {
  if (document) return sendJson(res, 200, JSON.stringify(document));
  sendStatus(res, kubeStatus(404, 'NotFound', NOT_FOUND_MESSAGE));
}

/** The string when it is a non-empty string, else undefined (absent query parameters). */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
