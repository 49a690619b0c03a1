// A whole service process for the specs that need one (signals, stdout, the parent going away):
// the platform's fixture app through bootstrapService, exactly as an app's main.ts runs it.
// Run with ts-node (see spawn-fixture-service.ts); PORT and the SHUTDOWN_* variables come from the env.
import { bootstrapService } from '../bootstrap/bootstrap-service';
import { TestAppModule } from './test-app.module';

void bootstrapService(TestAppModule, { name: 'platform-fixture', port: 0 });
