/** Row types of the gateway registry tables (030_gateway_registry.sql); the registry's SQL lives in registry-store.ts. */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';

export type GatewayTables = {
  gateway_members: { id: string; instance: string; member_class: string; member_code: string; name: string; created_at: Date };
  gateway_subsystems: { id: string; member_id: string; subsystem_code: string; name: string; created_at: Date };
  gateway_credentials: {
    id: string; subsystem_id: string; kind: 'secret' | 'certificate'; client_id: string;
    secret_hash: string | null; cert_sha256: string | null; created_at: Date; revoked_at: Date | null;
  };
  gateway_services: {
    id: string; subsystem_id: string; service_code: string; title: string; base_url: string;
    openapi: unknown | null; digest_only: boolean; timeout_ms: number | null; disabled: boolean;
    created_at: Date; updated_at: Date;
  };
  gateway_endpoints: { id: string; service_id: string; method: string; path: string; created_at: Date };
  gateway_groups: { id: string; instance: string; group_code: string; description: string; created_at: Date };
  gateway_group_members: { group_id: string; subsystem_id: string; added_at: Date };
  gateway_access_rights: {
    id: string; service_id: string; subject_subsystem_id: string | null; subject_group_id: string | null;
    method: string; path: string; created_at: Date;
  };
};

export function gt(db: Executor): Kysely<DB & GatewayTables> {
  return (db as Kysely<DB>).withTables<GatewayTables>();
}
