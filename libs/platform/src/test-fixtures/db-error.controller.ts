import { Controller, Get, Param, Query } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { Public } from '../auth/public.decorator';

/**
 * Real database errors for the log-redaction spec: drizzle over PGlite, failing on user content
 * (a duplicate e-mail, a malformed uuid), so the thrown DrizzleQueryError carries that content in its
 * message ("params: …") and its Postgres cause (`detail`, the quoted input).
 */
@Controller('fixture/db-error')
export class DbErrorController {
  private db?: Promise<PgliteDatabase>;

  @Public()
  @Get(':kind')
  async fail(@Param('kind') kind: string, @Query('value') value: string) {
    const db = await (this.db ??= this.open());
    if (kind === 'unique') {
      await db.execute(sql`insert into people (email) values (${value})`);
      await db.execute(sql`insert into people (email) values (${value})`);
    } else {
      await db.execute(sql`select ${value}::uuid as id`);
    }
    return { failed: false };
  }

  private async open(): Promise<PgliteDatabase> {
    const db = drizzle(new PGlite());
    await db.execute(sql`create table people (email text primary key)`);
    return db;
  }
}
