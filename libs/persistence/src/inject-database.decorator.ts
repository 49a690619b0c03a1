import { Inject } from '@nestjs/common';
import { DATABASE } from './persistence.constants';

/** Injects the service's drizzle `Database`. */
export const InjectDatabase = (): ParameterDecorator & PropertyDecorator => Inject(DATABASE);
