/** The IOC's tables (migration 009_ioc_rollups.sql), as Kysely sees them. */
import type { Generated } from 'kysely';

type Count = Generated<number>;

export interface IocTables {
  ioc_rollups: {
    scope: string;
    level: 'province' | 'agency' | 'procedure' | 'commune';
    key: string;
    /** 'YYYY-MM-01' */
    month: string;
    received: Count;
    received_online: Count;
    received_postal: Count;
    opened: Count;
    closed: Count;
    settled: Count;
    refused: Count;
    early: Count;
    on_time: Count;
    late: Count;
    withdrawn: Count;
    returned: Count;
    returned_known: Count;
    returned_electronic: Count;
    rated_very_satisfied: Count;
    rated_satisfied: Count;
    rated_not_satisfied: Count;
    supplements: Count;
    rescheduled: Count;
    processing_minutes: Count;
    processing_count: Count;
    digitised: Count;
    reused: Count;
    certified_requested: Count;
    certified_electronic: Count;
  };
  ioc_online_months: {
    scope: string;
    procedure_code: string;
    year: number;
    /** Bit m-1 set: month m received an online dossier of the procedure. */
    months: Count;
  };
}
