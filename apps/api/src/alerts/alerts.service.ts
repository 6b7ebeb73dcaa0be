import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  DataAccessError,
  DriftAlertRepository,
  type Page,
  type PageRequest,
  type Principal,
} from '@fenceline/data-access';
import type { AcknowledgeAlertDto, ListAlertsDto } from './dto/alert.dto';
import { toAlertModel, type AlertModel } from './models/alert.model';

/** Drift alerts of the caller's organization: listed, read, acknowledged (audited). */
@Injectable()
export class AlertsService {
  constructor(@Inject(DriftAlertRepository) private readonly alerts: DriftAlertRepository) {}

  /** One page of alerts: most severe first, then most recently seen. */
  async list(
    actor: Principal,
    filter: Omit<ListAlertsDto, 'limit' | 'cursor'>,
    page: PageRequest,
  ): Promise<Page<AlertModel>> {
    const found = await this.alerts.page(
      actor.organizationId,
      Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
      page,
    );
    return { items: found.items.map(toAlertModel), nextCursor: found.nextCursor };
  }

  async get(actor: Principal, id: string): Promise<AlertModel> {
    const alert = await this.alerts.get(actor.organizationId, id);
    if (!alert) throw new DataAccessError('NOT_FOUND', `alert ${id} not found`);
    return toAlertModel(alert);
  }

  /** Acknowledges an alert with a comment; the change and its audit event are one transaction. */
  async acknowledge(actor: Principal, id: string, input: AcknowledgeAlertDto): Promise<AlertModel> {
    return toAlertModel(
      await this.alerts.acknowledge(actor.organizationId, id, {
        actor: actorOf(actor),
        comment: input.comment,
      }),
    );
  }
}
