/** SQL for the catalogue tables: admin_units, agencies, procedure_fields, procedures. */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { ColumnType } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { canonicalJson } from '../../platform/audit.ts';
import { fold } from '../../platform/text.ts';
import type { AdminUnit, Agency, Procedure, ProcedureField } from './model.ts';
import type { OfficeHoursConfig } from '../calendar/index.ts';

export interface CatalogTables {
  admin_units: { code: string; name: string; type: string; parent_code: string | null };
  agencies: { id: string; name: string; name_en: string; kind: string; unit_code: string | null; parent_id: string | null; office_hours: ColumnType<OfficeHoursConfig | null, string | null | undefined, string | null> };
  procedure_fields: { code: string; name: string };
  procedures: {
    code: string;
    version: number;
    is_current: boolean;
    name: string;
    field_code: string;
    level: string;
    agency_kind: string;
    online_level: string | null;
    search_text: string;
    content_hash: string;
    data: ColumnType<Procedure, string, string>;
    created_at: ColumnType<Date, Date | undefined, never>;
  };
}

export async function upsertUnits(db: Executor, units: AdminUnit[]) {
  for (let i = 0; i < units.length; i += 500) {
    await db.insertInto('admin_units')
      .values(units.slice(i, i + 500).map((u) => ({ code: u.code, name: u.name, type: u.type, parent_code: u.parentCode })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), type: eb.ref('excluded.type'), parent_code: eb.ref('excluded.parent_code') })))
      .execute();
  }
}

export async function upsertAgencies(db: Executor, agencies: Agency[]) {
  // Parents first so the self-reference holds.
  const ordered = [...agencies].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  for (let i = 0; i < ordered.length; i += 500) {
    await db.insertInto('agencies')
      .values(ordered.slice(i, i + 500).map((a) => ({ id: a.id, name: a.name, name_en: a.nameEn, kind: a.kind, unit_code: a.unitCode, parent_id: a.parentId })))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'), name_en: eb.ref('excluded.name_en'), kind: eb.ref('excluded.kind'),
        unit_code: eb.ref('excluded.unit_code'), parent_id: eb.ref('excluded.parent_id'),
      })))
      .execute();
  }
}

export async function upsertFields(db: Executor, fields: ProcedureField[]) {
  if (!fields.length) return;
  await db.insertInto('procedure_fields').values(fields)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
    .execute();
}

export function procedureHash(p: Procedure): string {
  return createHash('sha256').update(canonicalJson(p)).digest('hex');
}

/** Publishes a procedure: a new version when its content changed, nothing when it did not. */
export async function publishProcedure(db: Executor, p: Procedure): Promise<'created' | 'updated' | 'unchanged'> {
  const hash = procedureHash(p);
  const current = await db.selectFrom('procedures').select(['version', 'content_hash'])
    .where('code', '=', p.code).where('is_current', '=', true).forUpdate().executeTakeFirst();
  if (current?.content_hash === hash) return 'unchanged';
  if (current) await db.updateTable('procedures').set({ is_current: false }).where('code', '=', p.code).where('is_current', '=', true).execute();
  await db.insertInto('procedures').values({
    code: p.code, version: (current?.version ?? 0) + 1, is_current: true, name: p.name, field_code: p.fieldCode,
    level: p.level, agency_kind: p.agencyKind, online_level: p.onlineLevel,
    search_text: fold(`${p.code} ${p.name} ${p.fieldName}`), content_hash: hash, data: JSON.stringify(p),
  }).execute();
  return current ? 'updated' : 'created';
}

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ProcedureQuery {
  q?: string;
  field?: string;
  agencyKind?: string;
  level?: string;
  onlineLevel?: string;
  limit: number;
  offset: number;
}

/** Folded phrases to look for (see synonyms.ts); none = everything. */
export interface SearchPhrases {
  exact: string[];
  meant: string[];
  loose: string[];
}

const wordsOf = (phrase: string) => phrase.split(' ').filter(Boolean).slice(0, 10);
const holds = (text: string) => sql<boolean>`search_text like ${`%${like(text)}%`}`;
/** The phrase as whole words (search_text is folded: words between single spaces). */
const holdsWords = (phrase: string) => sql<boolean>`(' ' || search_text || ' ') like ${`% ${like(wordsOf(phrase).join(' '))} %`}`;
/** Every word of the phrase appears (in any order, within words too: "khai si" finds "khai sinh"). */
const allWords = (phrase: string) => sql<boolean>`(${sql.join(wordsOf(phrase).map(holds), sql` and `)})`;
const anyOf = (xs: RawBuilder<boolean>[]) => (xs.length ? sql<boolean>`(${sql.join(xs, sql` or `)})` : sql<boolean>`false`);

export async function searchProcedures(db: Executor, f: ProcedureQuery, phrases: SearchPhrases) {
  let base = db.selectFrom('procedures').where('is_current', '=', true);
  const usable = (xs: string[]) => xs.filter((p) => wordsOf(p).length);
  const [exact, meant, loose] = [usable(phrases.exact), usable(phrases.meant), usable(phrases.loose)];
  const every = [...exact, ...meant, ...loose];
  if (every.length) base = base.where(anyOf(every.map(allWords)));
  if (f.field) base = base.where('field_code', '=', f.field);
  if (f.agencyKind) base = base.where('agency_kind', '=', f.agencyKind);
  if (f.level) base = base.where('level', '=', f.level);
  if (f.onlineLevel === 'none') base = base.where('online_level', 'is', null);
  else if (f.onlineLevel) base = base.where('online_level', '=', f.onlineLevel);
  let rows = base.select(['data', 'version']);
  if (every.length) {
    // The query or what it means as whole words first; then every word of what it means (a known
    // phrase says more than stray syllables); then every word of the query; then a meaning alone.
    // Within each, names where a phrase comes earliest.
    rows = rows
      .orderBy(sql`case when ${anyOf([...exact, ...meant].map(holdsWords))} then 0 when ${anyOf(meant.map(allWords))} then 1
        when ${anyOf(exact.map(allWords))} then 2 else 3 end`)
      .orderBy(sql`least(${sql.join(every.map((p) => sql`nullif(strpos(search_text, ${p}), 0)`))})`);
  }
  const [found, total] = await Promise.all([
    rows.orderBy('field_code').orderBy('name').orderBy('code').limit(f.limit).offset(f.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: found, total: total.n };
}

export async function getProcedure(db: Executor, code: string, version?: number) {
  let q = db.selectFrom('procedures').select(['data', 'version']).where('code', '=', code);
  q = version === undefined ? q.where('is_current', '=', true) : q.where('version', '=', version);
  return q.executeTakeFirst();
}

export function getAgency(db: Executor, id: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listFields(db: Executor) {
  return db.selectFrom('procedure_fields').selectAll().orderBy('name').execute();
}

export async function listAgencies(db: Executor) {
  return db.selectFrom('agencies').selectAll().orderBy('id').execute();
}

export async function countProcedures(db: Executor): Promise<number> {
  const r = await db.selectFrom('procedures').select(sql<number>`count(*)::int`.as('n')).where('is_current', '=', true).executeTakeFirstOrThrow();
  return r.n;
}

export async function setOfficeHours(db: Executor, agencyId: string, hours: OfficeHoursConfig | null): Promise<boolean> {
  const r = await db.updateTable('agencies').set({ office_hours: hours === null ? null : JSON.stringify(hours) }).where('id', '=', agencyId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The province People's Committee (the province-level agency of that kind). */
export function provinceCommittee(db: Executor) {
  return db.selectFrom('agencies').select(['id', 'name']).where('kind', '=', 'province_peoples_committee').where('unit_code', 'is', null).executeTakeFirst();
}

/** An agency's name and its parent's name. */
export function agencyWithParent(db: Executor, id: string) {
  return db.selectFrom('agencies as a').leftJoin('agencies as p', 'p.id', 'a.parent_id').select(['a.name', 'p.name as parent']).where('a.id', '=', id).executeTakeFirst();
}

/** The name of the administrative unit with this code; with null, the province's. */
export async function unitName(db: Executor, code: string | null): Promise<string | undefined> {
  const unit = await db.selectFrom('admin_units').select('name').where((eb) => (code ? eb('code', '=', code) : eb('type', '=', 'province'))).executeTakeFirst();
  return unit?.name;
}
