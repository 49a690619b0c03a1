// class-transformer's metadata storage, which its index does not re-export (@nestjs/mapped-types
// reads the same module); the types ship with the package.
declare module 'class-transformer/cjs/storage' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

  export const defaultMetadataStorage: MetadataStorage;
}
