/** The database as Kysely sees it: each module declares the tables it owns. */
import type { PlatformTables } from '../platform/tables.ts';
import type { CatalogTables } from '../modules/catalog/store.ts';
import type { IdentityTables } from '../modules/identity/store.ts';
import type { FileTables } from '../modules/files/store.ts';
import type { DossierTables } from '../modules/dossiers/store.ts';
import type { NotifyTables } from '../modules/notify/service.ts';
import type { ResultsTables } from '../modules/results/store.ts';
import type { PkiTables } from '../modules/pki/store.ts';

export interface DB extends PlatformTables, CatalogTables, IdentityTables, FileTables, DossierTables, NotifyTables, ResultsTables, PkiTables {}
