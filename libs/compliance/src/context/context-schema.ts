import { z } from 'zod';

const selectorSchema = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z
    .array(
      z.strictObject({
        key: z.string(),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

const portSchema = z.strictObject({
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  port: z.int().min(1).max(65535).optional(),
  endPort: z.int().min(1).max(65535).optional(),
});

const flowSchema = z.strictObject({
  description: z.string().optional(),
  namespaceSelector: selectorSchema.optional(),
  podSelector: selectorSchema.optional(),
  cidr: z.string().optional(),
  except: z.array(z.string()).optional(),
  ingressController: z.boolean().optional(),
  ports: z.array(portSchema).optional(),
});

/** ISO 8601: a date-time with offset, or a plain date (midnight UTC). */
export const instantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** The optional, JSON-shaped parts of a compliance context (the inventory is validated by netpol). */
export const contextInputSchema = z.object({
  cni: z
    .strictObject({ name: z.string().min(1), enforcesNetworkPolicy: z.boolean().nullable() })
    .optional(),
  cde: z
    .strictObject({
      namespaceSelector: selectorSchema.optional(),
      podSelector: selectorSchema.optional(),
    })
    .optional(),
  cdeAllowed: z
    .strictObject({
      inbound: z.array(flowSchema).optional(),
      outbound: z.array(flowSchema).optional(),
    })
    .optional(),
  changeControl: z
    .strictObject({
      lastApprovedChangeAt: instantSchema.optional(),
      unapprovedChanges: z.int().min(0).optional(),
    })
    .optional(),
  lastReviewAt: instantSchema.optional(),
  now: instantSchema.optional(),
});

export const waiverSchema = z.strictObject({
  id: z.string().min(1),
  controlId: z.string().min(1),
  scope: z.strictObject({
    cluster: z.string().min(1).optional(),
    namespace: z.string().min(1).optional(),
    workloadLabels: z.record(z.string(), z.string()).optional(),
  }),
  expiresAt: instantSchema,
  approvedBy: z.string().optional(),
  reason: z.string().optional(),
});

/** Turns zod issues into `path: message` issues. */
export function zodIssues(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    return { path: prefix ? (path ? `${prefix}.${path}` : prefix) : path, message: issue.message };
  });
}
