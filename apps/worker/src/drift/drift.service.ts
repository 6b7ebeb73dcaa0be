import { Inject, Injectable, Logger } from '@nestjs/common';
import { type ConnectivityRow, type DriftJob, type WebhookEventType } from '@fenceline/contracts';
import {
  ClusterRepository,
  ConnectivityReferenceRepository,
  DriftAlertRepository,
  PromotionRepository,
  SnapshotRepository,
  systemActor,
  type DriftAlert,
} from '@fenceline/data-access';
import { computeDrift, parseBaselineContent } from '@fenceline/drift';
import { buildModel } from '@fenceline/netpol';
import { storedInventory } from '../jobs/stored-inventory';

/** Publishes webhook events (the notify module's publisher). */
export interface AlertEventSink {
  publish(
    organizationId: string,
    type: WebhookEventType,
    data: Record<string, unknown>,
  ): Promise<void>;
}
export const ALERT_EVENT_SINK = Symbol('ALERT_EVENT_SINK');

/** Who the audit log says set a reference when a version started applying to a cluster. */
export const DRIFT_ACTOR = systemActor('drift');

export interface DriftOutcome {
  readonly evaluated: boolean;
  readonly baselines: number;
  readonly opened: number;
  readonly reopened: number;
  readonly resolved: number;
  readonly open: number;
}

/**
 * Evaluates a cluster's newest snapshot against every baseline pinned to its environment
 * (libs/drift), and reconciles the drift alerts: new findings open alerts, findings gone
 * resolve them, returning findings reopen them. The connectivity reference is set when a
 * version first applies to the cluster. Idempotent: the same snapshot evaluated twice leaves
 * the same alerts.
 */
@Injectable()
export class DriftService {
  private readonly logger = new Logger(DriftService.name);

  constructor(
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(PromotionRepository) private readonly promotions: PromotionRepository,
    @Inject(DriftAlertRepository) private readonly alerts: DriftAlertRepository,
    @Inject(ConnectivityReferenceRepository)
    private readonly references: ConnectivityReferenceRepository,
    @Inject(ALERT_EVENT_SINK) private readonly events: AlertEventSink,
  ) {}

  async evaluate(job: DriftJob): Promise<DriftOutcome> {
    const none = { evaluated: false, baselines: 0, opened: 0, reopened: 0, resolved: 0, open: 0 };
    const { organizationId, snapshotId } = job;
    const stored = await this.snapshots.get(organizationId, snapshotId);
    if (!stored) return none;
    const newest = await this.snapshots.latest(organizationId, stored.clusterId);
    // An older snapshot evaluated after a newer one would reopen what the newer one resolved.
    if (newest && newest.id !== snapshotId) return none;
    const cluster = await this.clusters.get(organizationId, stored.clusterId);
    if (!cluster) return none;
    const environment = await this.promotions.environment(organizationId, cluster.environment);
    const pins = await this.promotions.pins(organizationId, { environmentId: environment.id });
    if (pins.length === 0) return { ...none, evaluated: true };

    const loaded = await storedInventory(this.snapshots, organizationId, snapshotId);
    // Deleted (retention) between the two reads: nothing left to evaluate.
    if (!loaded) return none;
    const { inventory } = loaded;
    // The reference, when it is set, is this snapshot's connectivity: the analysis stored it
    // already (drift runs after it); the model is built only when it is missing.
    let current: readonly ConnectivityRow[] | undefined;
    const currentRows = async (): Promise<readonly ConnectivityRow[]> => {
      if (current) return current;
      const analysis = await this.snapshots.latestAnalysis(organizationId, cluster.id);
      current =
        analysis?.snapshotId === snapshotId
          ? analysis.connectivity
          : buildModel(inventory)
              .connlist()
              .map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() }));
      return current;
    };

    const outcome = { evaluated: true, baselines: 0, opened: 0, reopened: 0, resolved: 0, open: 0 };
    for (const pin of pins) {
      const content = parseBaselineContent(pin.version.content);
      if (!content.ok) {
        this.logger.error({
          msg: 'stored baseline version does not parse',
          baseline: pin.baselineName,
          version: pin.version.number,
          issues: content.issues.slice(0, 5),
        });
        continue;
      }
      let reference = await this.references.get(organizationId, cluster.id, pin.baselineId);
      if (!reference || reference.baselineVersionId !== pin.version.id) {
        // The version starts applying here: its connectivity now is the accepted reference.
        reference = await this.references.set(
          organizationId,
          {
            clusterId: cluster.id,
            baselineId: pin.baselineId,
            baselineVersionId: pin.version.id,
            snapshotId,
            rows: await currentRows(),
            acceptedBy: DRIFT_ACTOR,
          },
          // Which version's start set it, now that the actor no longer says so.
          { action: 'reference.set', after: { version: pin.version.number } },
        );
      }
      const findings = computeDrift(content.content, inventory, { reference: reference.rows });
      const result = await this.alerts.reconcile(organizationId, {
        clusterId: cluster.id,
        baselineId: pin.baselineId,
        baselineVersionId: pin.version.id,
        snapshotId,
        findings,
      });
      for (const alert of [...result.opened, ...result.reopened])
        await this.publish(organizationId, 'alert.opened', alert);
      for (const alert of result.resolved)
        await this.publish(organizationId, 'alert.resolved', alert);
      outcome.baselines++;
      outcome.opened += result.opened.length;
      outcome.reopened += result.reopened.length;
      outcome.resolved += result.resolved.length;
      outcome.open += result.stillOpen;
    }
    return outcome;
  }

  private async publish(
    organizationId: string,
    type: WebhookEventType,
    alert: DriftAlert,
  ): Promise<void> {
    await this.events.publish(organizationId, type, {
      alertId: alert.id,
      clusterId: alert.clusterId,
      clusterName: alert.clusterName,
      environment: alert.environment,
      baselineName: alert.baselineName,
      baselineVersion: alert.baselineVersion,
      kind: alert.kind,
      severity: alert.severity,
      subject: alert.subject,
      status: alert.status,
      reopened: alert.reopenCount > 0 && type === 'alert.opened',
    });
  }
}
