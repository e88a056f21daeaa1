/** The database as Kysely sees it: the platform's tables and each module's. */
import type { PlatformTable, PlatformTables } from '../platform/tables.ts';
import type { ModuleTable } from '../modules/index.ts';
import type { CatalogTables } from '../modules/catalog/store.ts';
import type { IdentityTables } from '../modules/identity/store.ts';
import type { FileTables } from '../modules/files/store.ts';
import type { DossierTables } from '../modules/dossiers/store.ts';
import type { NotifyTables } from '../modules/notify/service.ts';
import type { ResultsTables } from '../modules/results/store.ts';
import type { IocTables } from '../modules/ioc/tables.ts';
import type { PkiTables } from '../modules/pki/store.ts';
import type { GatewayTables } from '../modules/gateway/store-types.ts';
import type { ProxyTables } from '../modules/gateway/proxy-tables.ts';
import type { LogTables } from '../modules/gateway/log/store.ts';
import type { AuditTables } from '../modules/audit/store.ts';
import type { MonitoringTables } from '../modules/gateway/monitoring-store.ts';
import type { PaymentTables } from '../modules/payments/store.ts';

export interface DB extends PlatformTables, CatalogTables, IdentityTables, FileTables, DossierTables, NotifyTables, ResultsTables, PkiTables, IocTables, AuditTables, GatewayTables,
  ProxyTables, LogTables, MonitoringTables, PaymentTables {}

/** Compile-time check: every table a module claims is typed here, and every typed table has an owner. */
type Untyped = Exclude<ModuleTable, keyof DB>;
type Unowned = Exclude<keyof DB, ModuleTable | PlatformTable>;
export const TABLES_CHECKED: [Untyped, Unowned] extends [never, never] ? true : { untyped: Untyped; unowned: Unowned } = true;
