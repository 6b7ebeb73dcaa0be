import { Inject, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { API_CONFIG, type ApiConfig } from '../config';
import { listQuery, PageArgs } from '../pagination/page.args';
import { ZodBody } from '../errors/zod-body.pipe';
import { pageOnlySchema, pageRequest } from '../pagination/page-query';
import { createWebhookSchema } from './dto/create-webhook.dto';
import { CreateWebhookInput } from './dto/webhook.input';
import { CreatedWebhookModel, WebhookModel } from './models/webhook.model';
import { WebhooksService } from './webhooks.service';

/** The webhook operations of GraphQL (admin only), through the same service as REST. */
@Resolver(() => WebhookModel)
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class WebhooksResolver {
  private readonly createInput: ZodBody<ReturnType<typeof createWebhookSchema>>;

  constructor(
    @Inject(WebhooksService) private readonly service: WebhooksService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.createInput = new ZodBody(createWebhookSchema({ allowHttp: config.webhooks.allowHttp }));
  }

  @Query(() => [WebhookModel], { description: 'the first page of webhooks, oldest first' })
  async webhooks(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
  ): Promise<WebhookModel[]> {
    const query = listQuery(pageOnlySchema, page);
    return (await this.service.list(actor, pageRequest(query))).items;
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
