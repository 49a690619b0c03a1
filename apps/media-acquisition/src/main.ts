import { bootstrapService } from '@keel/platform';
import { AppModule } from './app/app.module';

void bootstrapService(AppModule, { name: 'media-acquisition', port: 3004 });
