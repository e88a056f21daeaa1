/** Row types of the proxy's own tables (034_gateway_proxy.sql). */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';
import type { GatewayTables } from './store-types.ts';

export type ProxyTables = {
  gateway_registry_version: { id: boolean; version: string };
  gateway_token_keys: { id: string; secret: Buffer; created_at: Date };
};

export function gp(db: Executor): Kysely<DB & GatewayTables & ProxyTables> {
  return (db as Kysely<DB>).withTables<GatewayTables & ProxyTables>();
}
