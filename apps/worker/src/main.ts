import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { loadWorkerConfig } from './config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  // An HTTP app only for /healthz, /readyz and /metrics; the work arrives through BullMQ.
  const app = await NestFactory.create(WorkerModule.forConfig(config), {
    bodyParser: false,
    // Held until pino is in place, then written through it: one log format from the first line.
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  new Logger('main').log({
    msg: 'Fenceline worker started',
    host: config.http.host,
    port: config.http.port,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `fenceline worker: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
