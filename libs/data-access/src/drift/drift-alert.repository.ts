import type { Database } from '../database';
import { jsonObjectSchema, parseColumn } from '../stored-json';
import { DataAccessError, isUuid } from '../data-access-error';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export type AlertSeverity = 'low' | 'medium' | 'high' | 'critical';

/** One finding of a drift evaluation, as libs/drift reports it. */
export interface FindingInput {
  readonly kind: string;
  readonly severity: AlertSeverity;
  readonly subject: string;
  readonly fingerprint: string;
  /** What shows the drift (libs/drift's finding evidence): a JSON object. */
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface DriftAlert {
  readonly id: string;
  readonly clusterId: string;
  readonly clusterName: string;
  readonly environment: string;
  readonly baselineId: string | null;
  readonly baselineName: string | null;
  readonly baselineVersion: number | null;
  readonly kind: string;
  readonly severity: AlertSeverity;
  readonly subject: string;
  readonly fingerprint: string;
  readonly status: AlertStatus;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  readonly lastSnapshotId: string | null;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgeComment: string | null;
  readonly resolvedAt: Date | null;
  readonly reopenCount: number;
}

export interface AlertFilter {
  readonly clusterId?: string;
  readonly environment?: string;
  readonly severity?: AlertSeverity;
  readonly status?: AlertStatus;
  readonly baselineId?: string;
  readonly limit?: number;
}

/** What a reconciliation changed, for notifications. */
export interface Reconciliation {
  readonly opened: readonly DriftAlert[];
  readonly reopened: readonly DriftAlert[];
  readonly resolved: readonly DriftAlert[];
  readonly stillOpen: number;
}

const include = {
  cluster: { include: { environment: true } },
  baseline: true,
  baselineVersion: true,
} as const;

type AlertRow = {
  id: string;
  clusterId: string;
  baselineId: string | null;
  kind: string;
  severity: AlertSeverity;
  subject: string;
  fingerprint: string;
  status: AlertStatus;
  details: unknown;
  firstSeenAt: Date;
  lastSeenAt: Date;
  lastSnapshotId: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgeComment: string | null;
  resolvedAt: Date | null;
  reopenCount: number;
  cluster: { name: string; environment: { name: string } };
  baseline: { name: string } | null;
  baselineVersion: { number: number } | null;
};

function toAlert(row: AlertRow): DriftAlert {
  return {
    id: row.id,
    clusterId: row.clusterId,
    clusterName: row.cluster.name,
    environment: row.cluster.environment.name,
    baselineId: row.baselineId,
    baselineName: row.baseline?.name ?? null,
    baselineVersion: row.baselineVersion?.number ?? null,
    kind: row.kind,
    severity: row.severity,
    subject: row.subject,
    // Stored prefixed by the baseline, so two baselines never share an alert.
    fingerprint: row.fingerprint.includes('/')
      ? row.fingerprint.slice(row.fingerprint.indexOf('/') + 1)
      : row.fingerprint,
    status: row.status,
    evidence: parseColumn(jsonObjectSchema, row.details, {
      table: 'DriftAlert',
      id: row.id,
      field: 'details',
    }),
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    lastSnapshotId: row.lastSnapshotId,
    acknowledgedBy: row.acknowledgedBy,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgeComment: row.acknowledgeComment,
    resolvedAt: row.resolvedAt,
    reopenCount: row.reopenCount,
  };
}

/** The filter as a query; undefined when an id in it is no id (nothing can match). */
function whereOf(organizationId: string, filter: Omit<AlertFilter, 'limit'>) {
  if (filter.clusterId !== undefined && !isUuid(filter.clusterId)) return undefined;
  if (filter.baselineId !== undefined && !isUuid(filter.baselineId)) return undefined;
  return {
    organizationId,
    ...(filter.clusterId ? { clusterId: filter.clusterId } : {}),
    ...(filter.baselineId ? { baselineId: filter.baselineId } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.environment ? { cluster: { environment: { name: filter.environment } } } : {}),
  };
}

/**
 * Drift alerts, deduplicated by fingerprint per cluster and baseline: a finding seen again
 * updates its alert (last seen, evidence); a finding gone resolves it; a resolved finding that
 * comes back reopens it. Acknowledged alerts stay acknowledged while the drift persists.
 */
export class DriftAlertRepository {
  constructor(private readonly db: Database) {}

  async reconcile(
    organizationId: string,
    input: {
      clusterId: string;
      baselineId: string;
      baselineVersionId: string;
      snapshotId: string;
      findings: readonly FindingInput[];
    },
  ): Promise<Reconciliation> {
    const now = new Date();
    const key = (fingerprint: string): string => `${input.baselineId}/${fingerprint}`;
    const ids = await this.db.prisma.$transaction(async (tx) => {
      const existing = await tx.driftAlert.findMany({
        where: { organizationId, clusterId: input.clusterId, baselineId: input.baselineId },
      });
      const byFingerprint = new Map(existing.map((a) => [a.fingerprint, a]));
      const seen = new Set<string>();
      const opened: string[] = [];
      const reopened: string[] = [];
      const resolved: string[] = [];
      for (const finding of input.findings) {
        const fingerprint = key(finding.fingerprint);
        if (seen.has(fingerprint)) continue;
        seen.add(fingerprint);
        const current = byFingerprint.get(fingerprint);
        const common = {
          severity: finding.severity,
          kind: finding.kind,
          subject: finding.subject,
          details: finding.evidence as object,
          lastSeenAt: now,
          lastSnapshotId: input.snapshotId,
          baselineVersionId: input.baselineVersionId,
        };
        if (!current) {
          const created = await tx.driftAlert.create({
            data: {
              organizationId,
              clusterId: input.clusterId,
              baselineId: input.baselineId,
              fingerprint,
              status: 'open',
              firstSeenAt: now,
              ...common,
            },
          });
          opened.push(created.id);
        } else if (current.status === 'resolved') {
          await tx.driftAlert.update({
            where: { id: current.id },
            data: {
              ...common,
              status: 'open',
              resolvedAt: null,
              acknowledgedBy: null,
              acknowledgedAt: null,
              acknowledgeComment: null,
              reopenCount: { increment: 1 },
            },
          });
          reopened.push(current.id);
        } else {
          await tx.driftAlert.update({ where: { id: current.id }, data: common });
        }
      }
      for (const alert of existing) {
        if (alert.status === 'resolved' || seen.has(alert.fingerprint)) continue;
        await tx.driftAlert.update({
          where: { id: alert.id },
          data: { status: 'resolved', resolvedAt: now, lastSnapshotId: input.snapshotId },
        });
        resolved.push(alert.id);
      }
      return { opened, reopened, resolved, stillOpen: seen.size };
    });
    const load = async (list: string[]): Promise<DriftAlert[]> =>
      list.length === 0
        ? []
        : (await this.db.prisma.driftAlert.findMany({ where: { id: { in: list } }, include })).map(
            (r) => toAlert(r as AlertRow),
          );
    return {
      opened: await load(ids.opened),
      reopened: await load(ids.reopened),
      resolved: await load(ids.resolved),
      stillOpen: ids.stillOpen,
    };
  }

  /** Alerts, most recently seen first (the worker's view; the API pages with {@link page}). */
  async list(organizationId: string, filter: AlertFilter = {}): Promise<DriftAlert[]> {
    const where = whereOf(organizationId, filter);
    if (!where) return [];
    const rows = await this.db.prisma.driftAlert.findMany({
      where,
      include,
      orderBy: [{ lastSeenAt: 'desc' }],
      take: Math.min(filter.limit ?? 500, 5_000),
    });
    return rows.map((r) => toAlert(r as AlertRow));
  }

  /** One page of the alerts: most severe first, then most recently seen (then by id, stable). */
  async page(
    organizationId: string,
    filter: Omit<AlertFilter, 'limit'>,
    page: PageRequest,
  ): Promise<Page<DriftAlert>> {
    const where = whereOf(organizationId, filter);
    if (!where) return { items: [], nextCursor: null };
    const rows = await this.db.prisma.driftAlert.findMany({
      where,
      include,
      // The Severity enum is declared low → critical: descending is most severe first.
      orderBy: [{ severity: 'desc' }, { lastSeenAt: 'desc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, (r) => toAlert(r as AlertRow));
  }

  async get(organizationId: string, id: string): Promise<DriftAlert | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.driftAlert.findFirst({
      where: { organizationId, id },
      include,
    });
    return row ? toAlert(row as AlertRow) : undefined;
  }

  /** Acknowledges an open alert with a comment (audited); a resolved alert cannot be acknowledged. */
  async acknowledge(
    organizationId: string,
    id: string,
    input: { actor: string; comment: string },
  ): Promise<DriftAlert> {
    const alert = await this.get(organizationId, id);
    if (!alert) throw new DataAccessError('NOT_FOUND', `alert ${id} not found`);
    if (alert.status === 'resolved')
      throw new DataAccessError('CONFLICT', `alert ${id} is resolved`);
    const now = new Date();
    await this.db.prisma.$transaction([
      this.db.prisma.driftAlert.update({
        where: { id },
        data: {
          status: 'acknowledged',
          acknowledgedBy: input.actor,
          acknowledgedAt: now,
          acknowledgeComment: input.comment,
        },
      }),
      this.db.prisma.auditEvent.create({
        data: {
          organizationId,
          actor: input.actor,
          action: 'alert.acknowledged',
          target: `alert/${id}`,
          before: { status: alert.status },
          after: { status: 'acknowledged', comment: input.comment },
        },
      }),
    ]);
    return (await this.get(organizationId, id)) as DriftAlert;
  }
}
