import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEFAULT_QUALITY_PROFILE, validateQualityProfile } from '../decision';
import type { QualityProfile } from '../decision';
import type { QualityProfileDefinition, QualityProfileRow } from '../db/schema';
import type { CreateQualityProfileDto } from './dto/create-quality-profile.dto';
import type { QualityProfileResponse } from './dto/quality-profile.response';
import { invalidProfile, profileExists, unknownProfile } from './quality-profiles.errors';
import { QualityProfilesRepository } from './quality-profiles.repository';

/**
 * The decision engine's profile of a stored row. The API and the table list qualities best first, as
 * people read them; the engine ranks by position worst first, as Radarr stores them.
 */
export function toQualityProfile(row: Pick<QualityProfileRow, 'name' | 'definition'>): QualityProfile {
  return { name: row.name, ...row.definition, items: [...row.definition.items].reverse() };
}

@Injectable()
export class QualityProfilesService implements OnModuleInit {
  constructor(private readonly repository: QualityProfilesRepository) {}

  /** Seeds the default profile once, so a fresh install can add movies without configuring anything. */
  async onModuleInit(): Promise<void> {
    const { name, ...engine } = DEFAULT_QUALITY_PROFILE;
    const definition = { ...engine, items: [...engine.items].reverse() };
    const seeded = await this.repository.insert({ id: randomUUID(), name, definition, createdAt: new Date(0) });
    if (seeded) new Logger(QualityProfilesService.name).log({ msg: 'default quality profile created', profile: name });
  }

  async list(): Promise<QualityProfileResponse[]> {
    return (await this.repository.list()).map(toResponse);
  }

  async create(body: CreateQualityProfileDto): Promise<QualityProfileResponse> {
    const definition: QualityProfileDefinition = {
      items: body.items.map(({ quality, allowed }) => ({ quality, allowed })),
      cutoff: body.cutoff,
      minSeeders: body.minSeeders ?? 1,
      preferIndexerFlags: body.preferIndexerFlags ?? false,
      upgradeAllowed: body.upgradeAllowed ?? true,
    };
    const problems = validateQualityProfile(toQualityProfile({ name: body.name, definition }));
    if (problems.length > 0) throw invalidProfile(problems.map((p) => p.message));
    const row = await this.repository.insert({ id: randomUUID(), name: body.name, definition, createdAt: new Date() });
    if (!row) throw profileExists(body.name);
    return toResponse(row);
  }

  /** The named profile, or the default one when `name` is undefined. */
  async resolve(name: string | undefined): Promise<QualityProfileRow> {
    const row = await this.repository.findByName(name ?? DEFAULT_QUALITY_PROFILE.name);
    if (!row) throw unknownProfile(name ?? DEFAULT_QUALITY_PROFILE.name);
    return row;
  }

  async byId(id: string): Promise<QualityProfileRow> {
    const row = await this.repository.findById(id);
    if (!row) throw unknownProfile(id);
    return row;
  }
}

function toResponse(row: QualityProfileRow): QualityProfileResponse {
  return { id: row.id, name: row.name, ...row.definition, isDefault: row.name === DEFAULT_QUALITY_PROFILE.name };
}
