import { createServer, type Server } from 'node:http';
import type { AgentMetrics } from './agent-metrics';

export interface HealthStatus {
  /** Liveness: false only when the agent is wedged and a restart would help. */
  readonly live: boolean;
  /** Readiness: the first full list is done and the token is not rejected. */
  readonly ready: boolean;
  readonly details: Record<string, unknown>;
}

/**
 * `/healthz` (liveness), `/readyz` (readiness) and `/metrics` (Prometheus) on one small port.
 * Nothing else is served: the agent accepts no commands from the network.
 */
export async function startHealthServer(
  port: number,
  host: string,
  metrics: AgentMetrics,
  status: () => HealthStatus,
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz' || path === '/readyz') {
      const s = status();
      const ok = path === '/healthz' ? s.live : s.ready;
      response
        .writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', ...s.details }));
      return;
    }
    if (path === '/metrics') {
      metrics.registry.metrics().then(
        (text) =>
          response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response
      .writeHead(404, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ error: 'not found: /healthz, /readyz and /metrics are served' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
