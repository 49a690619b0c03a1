import { Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';

/** Stands in for a client or a database pool: records when Nest closed it. */
@Injectable()
export class LifecycleProbe implements OnModuleDestroy {
  destroyedAt?: number;

  onModuleDestroy(): void {
    this.destroyedAt = Date.now();
  }
}
