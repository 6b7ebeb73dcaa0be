import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ApiKeysController } from './api-keys.controller';

@Module({ controllers: [ApiKeysController], providers: [ApiKeyGuard] })
export class ApiKeysModule {}
