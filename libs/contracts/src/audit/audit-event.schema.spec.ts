import { auditActionSchema, auditActorSchema } from './audit-event.schema';

describe('the audit actor and action formats', () => {
  it.each([
    'api-key:1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b (alice)',
    'api-key:1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b (ci pipeline (prod))',
    'system:bootstrap',
    'system:webhook-delivery',
    'system:drift',
  ])('accepts the actor %s', (actor) => {
    expect(auditActorSchema.safeParse(actor).success).toBe(true);
  });

  it.each([
    'system (export worker)',
    'system (version 3 applied)',
    'system',
    'system:',
    'system:Drift',
    'system:drift-',
    'api-key/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
    'alice (key 1f2e3d4c)',
    'api-key:not-a-uuid (alice)',
    'api-key:1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  ])('refuses the actor %s', (actor) => {
    expect(auditActorSchema.safeParse(actor).success).toBe(false);
  });

  it('lists past participles only (regular, or one of the irregular set and built)', () => {
    expect(auditActionSchema.safeParse('reference.set').success).toBe(true);
    expect(auditActionSchema.safeParse('cluster.create').success).toBe(false);
    for (const action of auditActionSchema.options)
      expect(action).toMatch(/^[a-z-]+(\.[a-z-]+)*\.([a-z-]+ed|set|built)$/);
  });
});
