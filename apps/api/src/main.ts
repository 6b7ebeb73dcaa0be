import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadConfig } from './config';
import { configureDocs } from './docs';
import { configureHttp } from './http-setup';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forConfig(config), {
    bodyParser: false,
    logger: new ConsoleLogger({
      json: config.logFormat === 'json',
      colors: config.logFormat === 'text',
    }),
  });
  configureHttp(app, config);
  configureDocs(app);
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  new Logger('main').log(`Fenceline API listening on port ${config.port}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fenceline api: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
