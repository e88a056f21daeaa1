import type { ColumnType, Generated } from 'kysely';

export interface PlatformTables {
  audit_heads: { chain: number; seq: number; hash: Uint8Array };
  audit_log: {
    id: Generated<number>;
    chain: number;
    seq: number;
    occurred_at: Date;
    actor_kind: string;
    actor_id: string | null;
    action: string;
    subject_type: string;
    subject_id: string;
    request_id: string | null;
    data: ColumnType<Record<string, unknown>, string, string>;
    hash: Uint8Array;
  };
  outbox: {
    id: Generated<number>;
    topic: string;
    aggregate_type: string;
    aggregate_id: string;
    payload: ColumnType<Record<string, unknown>, string, string>;
    occurred_at: Date;
    published_at: Date | null;
    /** The writing transaction's id (xid8, as text); set by the database. */
    txid: Generated<string>;
  };
  outbox_cursors: {
    name: string;
    txid: Generated<string>;
    id: Generated<number>;
    skip: Generated<number[]>;
    updated_at: Date | null;
  };
  schema_migrations: { name: string; checksum: string; applied_at: Generated<Date> };
}

/** The tables of the platform itself (every other table belongs to one module). */
export type PlatformTable = keyof PlatformTables;
