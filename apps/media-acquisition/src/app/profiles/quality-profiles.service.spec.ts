import { ConflictException, Logger, NotFoundException } from '@nestjs/common';
import { RequestValidationError } from '@keel/platform';
import type { QualityProfileRow } from '../db/schema';
import { DEFAULT_QUALITY_PROFILE } from '../decision';
import type { QualityProfilesRepository } from './quality-profiles.repository';
import { QualityProfilesService, toQualityProfile } from './quality-profiles.service';

function setup() {
  const rows: QualityProfileRow[] = [];
  const repository = {
    insert: jest.fn(async (row: QualityProfileRow) => {
      if (rows.some((r) => r.name === row.name)) return undefined;
      rows.push(row);
      return row;
    }),
    list: jest.fn(async () => rows),
    findByName: jest.fn(async (name: string) => rows.find((r) => r.name === name)),
    findById: jest.fn(async (id: string) => rows.find((r) => r.id === id)),
  };
  return { service: new QualityProfilesService(repository as unknown as QualityProfilesRepository), rows };
}

const SD = {
  name: 'SD',
  items: [
    { quality: 'DVD', allowed: true },
    { quality: 'SDTV', allowed: true },
  ],
  cutoff: 'DVD',
};

describe(QualityProfilesService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('seeds the default profile once, best quality first as people read it', async () => {
    // Arrange
    const { service, rows } = setup();

    // Act
    await service.onModuleInit();
    await service.onModuleInit();

    // Assert
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toBe(DEFAULT_QUALITY_PROFILE.name);
    expect(toQualityProfile(rows[0]).items).toEqual(DEFAULT_QUALITY_PROFILE.items);
    expect(await service.list()).toEqual([expect.objectContaining({ name: 'HD-1080p', isDefault: true })]);
  });

  it('creates a profile with the defaults for what the body leaves out', async () => {
    // Arrange
    const { service } = setup();

    // Act
    const profile = await service.create(SD);

    // Assert
    expect(profile).toMatchObject({
      name: 'SD',
      items: SD.items,
      cutoff: 'DVD',
      minSeeders: 1,
      preferIndexerFlags: false,
      upgradeAllowed: true,
      isDefault: false,
    });
  });

  it('answers 400 to a profile the engine finds invalid, and 409 to a name taken', async () => {
    // Arrange
    const { service } = setup();
    await service.create(SD);

    // Act
    const invalid = await service.create({ ...SD, name: 'Bad', cutoff: 'Bluray-2160p' }).catch((error: Error) => error);
    const taken = await service.create(SD).catch((error: Error) => error);

    // Assert
    expect(invalid).toBeInstanceOf(RequestValidationError);
    expect(taken).toBeInstanceOf(ConflictException);
  });

  it('resolves a profile by name (the default when none is given) and by id, and answers 404 otherwise', async () => {
    // Arrange
    const { service } = setup();
    await service.onModuleInit();
    const sd = await service.create(SD);

    // Act
    const byDefault = await service.resolve(undefined);
    const byName = await service.resolve('SD');
    const byId = await service.byId(sd.id);
    const unknown = await service.resolve('4K').catch((error: Error) => error);
    const unknownId = await service.byId('nope').catch((error: Error) => error);

    // Assert
    expect(byDefault.name).toBe('HD-1080p');
    expect(byName.id).toBe(sd.id);
    expect(byId.name).toBe('SD');
    expect(unknown).toBeInstanceOf(NotFoundException);
    expect(unknownId).toBeInstanceOf(NotFoundException);
  });
});
