import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './downstream.module-definition';

/**
 * One downstream: `DownstreamModule.register({ name: 'library', forwardAuth: true })` provides its
 * `ResilientHttpClient` (`@InjectHttpClient('library')`) and its `DownstreamHealth`
 * (`@InjectDownstreamHealth('library')`). Each registration owns its transport. Needs
 * `ResilienceModule.forRoot()` in the app.
 */
@Module({})
export class DownstreamModule extends ConfigurableModuleClass {}
