import { z } from 'zod';
import { connectivityListSchema, type ConnectivityRow } from '@fenceline/contracts';
import type { Coverage } from '@fenceline/netpol';
import { parseColumn } from '../stored-json';

const counts = {
  totalPods: z.int().min(0),
  ingressIsolatedPods: z.int().min(0),
  egressIsolatedPods: z.int().min(0),
};

/** `SnapshotAnalysis.coverage`: libs/netpol's {@link Coverage}, per namespace and in total. */
export const coverageSchema = z.looseObject({
  ...counts,
  namespaces: z.array(z.looseObject({ namespace: z.string(), ...counts })),
});

/** One issue of the stored inventory (`SnapshotAnalysis.findings`): its code, path and message. */
export const analysisFindingSchema = z.looseObject({
  code: z.string(),
  path: z.string(),
  message: z.string(),
});

export type AnalysisFinding = z.output<typeof analysisFindingSchema>;

/** What the worker computed from one snapshot, as it stores it. */
export interface SnapshotAnalysisInput {
  readonly classCount: number;
  readonly connectivity: readonly ConnectivityRow[];
  readonly coverage: Coverage;
  readonly findings?: readonly AnalysisFinding[];
}

/** The analysis of a snapshot read back: every JSON column parsed with its schema. */
export interface StoredAnalysis extends SnapshotAnalysisInput {
  readonly snapshotId: string;
  readonly analysedAt: Date;
  readonly findings: readonly AnalysisFinding[];
}

/** A `SnapshotAnalysis` row (its JSON columns as Prisma returns them). */
export interface SnapshotAnalysisRow {
  readonly snapshotId: string;
  readonly analysedAt: Date;
  readonly classCount: number;
  readonly connectivity: unknown;
  readonly coverage: unknown;
  readonly findings: unknown;
}

/** A stored analysis, parsed; a column off its schema is a `CORRUPT_DATA` error naming it. */
export function toStoredAnalysis(row: SnapshotAnalysisRow): StoredAnalysis {
  const at = (field: string) => ({ table: 'SnapshotAnalysis', id: row.snapshotId, field });
  return {
    snapshotId: row.snapshotId,
    analysedAt: row.analysedAt,
    classCount: row.classCount,
    connectivity: parseColumn(connectivityListSchema, row.connectivity, at('connectivity')),
    coverage: parseColumn(coverageSchema, row.coverage, at('coverage')),
    findings: parseColumn(z.array(analysisFindingSchema), row.findings, at('findings')),
  };
}
