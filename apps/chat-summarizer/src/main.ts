import { bootstrapService } from '@keel/platform';
import { AppModule } from './app/app.module';

void bootstrapService(AppModule, { name: 'chat-summarizer', port: 3002 });
