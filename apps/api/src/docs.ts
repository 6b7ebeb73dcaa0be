import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI: the UI at /docs, the document at /docs-json. */
export function configureDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Fenceline API')
    .setDescription(
      'Clusters, agent ingest and the analysed connectivity of Kubernetes NetworkPolicies. Errors are { code, message } (plus issues for bad input).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'API key (flk_...) or, for /v1/agent/snapshots, an agent token (fla_...)',
    })
    .build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
}
