/** The IOC API's shapes as the dashboard reads them (GET /ioc/dashboard, /ioc/late-dossiers). */
export type Level = 'province' | 'agency' | 'procedure' | 'commune';

export interface Name { vi: string; en: string }

export interface Indicator {
  key: string;
  name: Name;
  max: number;
  points: number | null;
  ratio: number | null;
  numerator: number | null;
  denominator: number | null;
  status: 'scored' | 'no_data';
}

export interface Group {
  key: string;
  name: Name;
  max: number;
  points: number | null;
  scorableMax: number;
  indicators: Indicator[];
}

export interface IndexScore {
  score: number | null;
  max: number;
  scorableMax: number;
  normalized: number | null;
  noData: string[];
  groups: Group[];
}

export interface Figures {
  received: number;
  settled: number;
  inProgress: number;
  onTimeRate: number | null;
  overdueOpen: number | null;
  onlineShare: number | null;
  electronicReturnShare: number | null;
  fullyOnlineProcedureShare: number | null;
  avgProcessingDays: number | null;
  late: number;
  ratings: { rated: number; satisfiedShare: number | null };
}

export interface Row {
  rank?: number;
  id: string;
  name: string;
  score: number | null;
  received: number;
  settled: number;
  inProgress: number;
  late: number;
  onTimeRate: number | null;
  overdueOpen: number | null;
  onlineShare: number | null;
}

export interface Month {
  month: string;
  received: number;
  settled: number;
  late: number;
  inProgress: number;
  onTimeRate: number | null;
  onlineShare: number | null;
}

export interface Dashboard {
  period: string;
  level: Level;
  id: string;
  name: string;
  figures: Figures;
  previous: { period: string; figures: Figures };
  trend: Record<string, number | null>;
  index: IndexScore;
  monthly: Month[];
  agencyRanking: Row[];
  procedures: Row[];
  communes: Row[];
  topLateProcedures: Row[];
  asOf: string;
  dataUpdatedAt: string | null;
}

export interface LateDossier {
  kind: 'settled_late' | 'open_overdue';
  code: string;
  statusCode: number;
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  communeName: string | null;
  dueAt: string;
  resultAt: string | null;
  daysLate: number;
}
