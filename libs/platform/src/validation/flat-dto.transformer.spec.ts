import 'reflect-metadata';
import { Expose, Transform, Type, plainToInstance } from 'class-transformer';
import { IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { flatDtoTransformer } from './flat-dto.transformer';

class FlatDto {
  @Matches(/^[a-z0-9]+$/)
  gameId!: string;

  @IsOptional()
  @IsString()
  note?: string | null;

  /** A default: `new FlatDto()` sets it, as class-transformer's instance has it too. */
  @IsOptional()
  kind = 'full';
}

class TrimmedDto {
  @Transform(({ value }: { value: string }) => value.trim())
  @IsString()
  name!: string;
}

class RenamedDto {
  @Expose({ name: 'game_id' })
  @IsString()
  gameId!: string;
}

class NestedDto {
  @ValidateNested()
  @Type(() => FlatDto)
  item!: FlatDto;
}

describe('flatDtoTransformer', () => {
  it('builds the same instance as class-transformer for a flat body of a flat DTO', () => {
    // Arrange
    const body = { gameId: 'g1', note: null };

    // Act
    const fast = flatDtoTransformer.plainToInstance(FlatDto, body);

    // Assert
    expect(fast).toBeInstanceOf(FlatDto);
    expect(fast).toEqual(plainToInstance(FlatDto, body));
    expect({ ...fast }).toEqual({ gameId: 'g1', note: null, kind: 'full' });
  });

  it('leaves @Transform, @Expose and @Type to class-transformer', () => {
    // Act
    const trimmed = flatDtoTransformer.plainToInstance(TrimmedDto, { name: '  a ' }) as TrimmedDto;
    const renamed = flatDtoTransformer.plainToInstance(RenamedDto, { game_id: 'g2' }) as RenamedDto;
    const nested = flatDtoTransformer.plainToInstance(NestedDto, { item: { gameId: 'g3' } }) as NestedDto;

    // Assert
    expect(trimmed.name).toBe('a');
    expect(renamed.gameId).toBe('g2');
    expect(nested.item).toBeInstanceOf(FlatDto);
  });

  it('leaves unknown fields, nested values and arrays to class-transformer (the pipe then judges them)', () => {
    // Act
    const unknown = flatDtoTransformer.plainToInstance(FlatDto, { gameId: 'g1', extra: 1 });
    const nestedValue = flatDtoTransformer.plainToInstance(FlatDto, { gameId: { $ne: 1 } });
    const array = flatDtoTransformer.plainToInstance(FlatDto, [{ gameId: 'g1' }]);

    // Assert
    expect(unknown).toEqual(plainToInstance(FlatDto, { gameId: 'g1', extra: 1 }));
    expect(nestedValue).toEqual(plainToInstance(FlatDto, { gameId: { $ne: 1 } }));
    expect(Array.isArray(array)).toBe(true);
    expect((array as FlatDto[])[0]).toBeInstanceOf(FlatDto);
  });
});
