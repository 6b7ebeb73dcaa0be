import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS } from '@fenceline/contracts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `POST /v1/webhooks` body: an https URL (plain http only to localhost, unless
 * `WEBHOOK_ALLOW_HTTP=true`), the event types (at least one) and the body format.
 */
export function createWebhookSchema(options: { readonly allowHttp: boolean }) {
  return z.strictObject({
    url: z
      .string()
      .trim()
      .max(2048)
      .superRefine((value, ctx) => {
        const problem = urlProblem(value, options.allowHttp);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'name at least one event type'),
    format: z.enum(WEBHOOK_FORMATS).default('json'),
  });
}

export type CreateWebhookDto = z.infer<ReturnType<typeof createWebhookSchema>>;

function urlProblem(value: string, allowHttp: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && (allowHttp || LOOPBACK_HOSTS.has(url.hostname))) return undefined;
  return 'must be an https URL (plain http only to localhost or 127.0.0.1, unless WEBHOOK_ALLOW_HTTP=true)';
}
