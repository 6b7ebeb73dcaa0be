import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import { createLogger } from '@fenceline/contracts';
import type { ApiConfig } from '../config';

/** The API's root pino logger (request logs are its children). */
export const API_LOGGER = Symbol('API_LOGGER');

/**
 * Nest's own logs and every `new Logger(...)` through pino (`app.useLogger(app.get(Logger))`),
 * inside a request with its request id. The request log middleware itself is installed by
 * `configureHttp`, ahead of the body parsers, so that refused bodies are logged too; here
 * nestjs-pino only binds the request's logger (`useExisting`).
 */
@Module({})
export class ApiLoggingModule {
  static forConfig(config: ApiConfig, destination?: DestinationStream): DynamicModule {
    const logger: Logger = createLogger(
      { app: 'api', level: config.logLevel, format: config.logFormat },
      destination,
    );
    return {
      module: ApiLoggingModule,
      global: true,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true })],
      providers: [{ provide: API_LOGGER, useValue: logger }],
      exports: [API_LOGGER],
    };
  }
}
