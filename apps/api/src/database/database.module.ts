import { Module } from '@nestjs/common';
import { DataAccessModule } from '@fenceline/data-access';
import { API_CONFIG, type ApiConfig } from '../config';

/**
 * The database and its repositories ({@link DataAccessModule}, global) on the URL of the API's
 * configuration; the connection closes on shutdown.
 */
@Module({
  imports: [
    DataAccessModule.forRoot({
      useFactory: (config: ApiConfig) => config.databaseUrl,
      inject: [API_CONFIG],
    }),
  ],
})
export class DatabaseModule {}
