import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

/** API keys (REST, admin only). */
@Module({ controllers: [ApiKeysController], providers: [ApiKeysService, ApiKeyGuard] })
export class ApiKeysModule {}
