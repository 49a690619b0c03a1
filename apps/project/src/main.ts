import { bootstrapService } from '@keel/platform';
import { AppModule } from './app/app.module';

void bootstrapService(AppModule, { name: 'project', port: 3003 });
