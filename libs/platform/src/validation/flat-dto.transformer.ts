import type { Type } from '@nestjs/common';
import type { TransformerPackage } from '@nestjs/common/interfaces/external/transformer-package.interface';
import * as classTransformer from 'class-transformer';
import type { ClassTransformOptions } from 'class-transformer';
// Not in class-transformer's index; @nestjs/mapped-types reads the same module for the same reason.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { TransformationType } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';

/**
 * The properties of a DTO class that class-transformer would copy unchanged: validated by
 * class-validator, with no @Type, @Transform, @Expose or @Exclude, and no getter or method of that
 * name. Undefined when the class has class-level @Expose/@Exclude (a strategy), or no rule at all.
 */
function plainProperties(metatype: Type<unknown>): ReadonlySet<string> | undefined {
  if (defaultMetadataStorage.getStrategy(metatype) !== 'none') return undefined;
  if (defaultMetadataStorage.getExposedMetadatas(metatype).length > 0) return undefined;
  if (defaultMetadataStorage.getExcludedMetadatas(metatype).length > 0) return undefined;
  const names = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(metatype, '', true, false)
      .map((rule) => rule.propertyName),
  );
  if (names.size === 0) return undefined;
  for (const name of names) {
    if (name in (metatype.prototype as object)) return undefined;
    if (defaultMetadataStorage.findTypeMetadata(metatype, name)) return undefined;
    if (defaultMetadataStorage.findTransformMetadatas(metatype, name, TransformationType.PLAIN_TO_CLASS).length > 0)
      return undefined;
  }
  return names;
}

const plain = new WeakMap<Type<unknown>, ReadonlySet<string> | null>();

/**
 * The ValidationPipe's transformer: for a flat body (every field one the DTO declares, every value a
 * string, number, boolean or null) of a DTO whose fields class-transformer would copy unchanged, a
 * new instance with the fields assigned, as `plainToInstance` would make it, without its walk
 * (metadata lookups per key, per value, per call). Anything else goes to class-transformer itself,
 * so nested DTOs, @Type conversions, unknown fields (which the pipe then refuses) and arrays behave
 * exactly as before. class-validator still validates the instance.
 */
export const flatDtoTransformer: TransformerPackage = {
  plainToInstance<T>(cls: Type<T>, value: unknown, options?: ClassTransformOptions): T | T[] {
    if (options === undefined && isPlainRecord(value)) {
      let names = plain.get(cls);
      if (names === undefined) {
        names = plainProperties(cls) ?? null;
        plain.set(cls, names);
      }
      if (names !== null && isFlatWithin(value, names)) {
        const instance = new cls() as Record<string, unknown>;
        for (const key in value) instance[key] = value[key];
        return instance as T;
      }
    }
    return classTransformer.plainToInstance(cls, value, options);
  },
  classToPlain: (object, options) => classTransformer.instanceToPlain(object, options),
};

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isFlatWithin(value: Record<string, unknown>, names: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!names.has(key)) return false;
    const field = value[key];
    if (field !== null && typeof field === 'object') return false;
    if (typeof field === 'function') return false;
  }
  return true;
}
