import { z } from 'zod';
import { ComplianceInputError, evaluateFramework } from '@fenceline/compliance';
import { buildInventory } from '@fenceline/netpol';

const selector = z.strictObject({
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
const flow = z.strictObject({
  description: z.string().max(500).optional(),
  namespaceSelector: selector.optional(),
  podSelector: selector.optional(),
  cidr: z.string().optional(),
  except: z.array(z.string()).optional(),
  ingressController: z.boolean().optional(),
  ports: z
    .array(
      z.strictObject({
        protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
        port: z.int().min(1).max(65535).optional(),
        endPort: z.int().min(1).max(65535).optional(),
      }),
    )
    .optional(),
});

/** PUT /v1/compliance/settings: the PCI cardholder-data environment, its declared flows, the history retention. */
export const complianceSettingsSchema = z
  .strictObject({
    cde: z
      .strictObject({ namespaceSelector: selector.optional(), podSelector: selector.optional() })
      .optional(),
    cdeAllowed: z
      .strictObject({
        inbound: z.array(flow).max(500).optional(),
        outbound: z.array(flow).max(500).optional(),
      })
      .optional(),
    retentionDays: z.int().min(30).max(3650).optional(),
  })
  .superRefine((settings, ctx) => {
    // The same validation the worker's evaluation applies (selectors, CIDRs, ports), so stored
    // settings can never make every later evaluation fail.
    try {
      evaluateFramework('pci-dss', {
        inventory: buildInventory([]),
        ...(settings.cde ? { cde: settings.cde } : {}),
        ...(settings.cdeAllowed ? { cdeAllowed: settings.cdeAllowed } : {}),
      });
    } catch (error) {
      if (!(error instanceof ComplianceInputError)) throw error;
      for (const issue of error.issues)
        ctx.addIssue({
          code: 'custom',
          path: issue.path.split('.').filter(Boolean),
          message: issue.message,
        });
    }
  });

export type ComplianceSettingsDto = z.infer<typeof complianceSettingsSchema>;
