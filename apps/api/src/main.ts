import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfig } from './config';
import { configureDocs } from './docs';
import { configureHttp } from './http-setup';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forConfig(config), {
    bodyParser: false,
    // Held until pino is in place, then written through it: one log format from the first line.
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoNestLogger));
  configureHttp(app, config);
  configureDocs(app);
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  new Logger('main').log({ msg: 'Fenceline API listening', port: config.port });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fenceline api: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
