import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadWorkerConfig } from './config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    logger: new ConsoleLogger({
      json: config.logFormat === 'json',
      colors: config.logFormat === 'text',
    }),
  });
  app.enableShutdownHooks();
  new Logger('main').log('Fenceline worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fenceline worker: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
