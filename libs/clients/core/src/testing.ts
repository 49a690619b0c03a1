// Test support for the typed clients' specs; not part of the build (tsconfig.build.json excludes it).
export {
  emulatorClientBed,
  FAST_TEST_POLICY,
  type EmulatorClientBed,
  type EmulatorClientBedOptions,
  type EmulatorStatsView,
} from './testing/emulator-client-bed';
export { FakeHttpClient, fakeHttpClient, type FakeAnswer } from './testing/fake-http-client';
