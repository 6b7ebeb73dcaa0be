import { Inject, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { createWebhookSchema, type CreateWebhookDto } from './dto/create-webhook.dto';
import { CreateWebhookInput } from './dto/webhook.input';
import { CreatedWebhookModel, WebhookModel } from './models/webhook.model';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from './webhooks.config';
import { WebhooksService } from './webhooks.service';

/** The webhook operations of GraphQL (admin only), through the same service as REST. */
@Resolver(() => WebhookModel)
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class WebhooksResolver {
  private readonly createInput: ZodBody<ReturnType<typeof createWebhookSchema>>;

  constructor(
    @Inject(WebhooksService) private readonly service: WebhooksService,
    @Inject(WEBHOOKS_CONFIG) config: WebhooksConfig,
  ) {
    this.createInput = new ZodBody(createWebhookSchema({ allowHttp: config.allowHttp }));
  }

  @Query(() => [WebhookModel])
  webhooks(@CurrentPrincipal() actor: Principal): Promise<WebhookModel[]> {
    return this.service.list(actor);
  }

  @Mutation(() => CreatedWebhookModel, { description: 'the signing secret is in this answer only' })
  createWebhook(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => CreateWebhookInput }) input: CreateWebhookInput,
  ): Promise<CreatedWebhookModel> {
    const { format, ...rest } = input;
    return this.service.create(
      actor,
      this.createInput.transform({
        ...rest,
        ...(format === null || format === undefined ? {} : { format }),
      }),
    );
  }

  @Mutation(() => Boolean)
  async deleteWebhook(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.service.delete(actor, id);
    return true;
  }
}
