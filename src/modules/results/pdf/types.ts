/** What a document template is given: the dossier's facts, the issuing event, and the document's identity. */
import type { HistoryEvent, StepVisit } from '../../dossiers/index.ts';
import type { DocumentKind } from '../model.ts';

export interface AgencyRef {
  id: string;
  name: string;
  parentName: string | null;
  /** Where it sits, for "<place>, ngày … tháng … năm …". */
  place: string;
}

export interface DossierFacts {
  code: string;
  procedure: { code: string; name: string; resultName: string; legalBasis: string[] };
  applicant: { name: string; idNumber: string };
  channel: 'direct' | 'online' | 'postal';
  /** Printable form data: [label, value], contact details left out. */
  formFields: [string, string][];
  address: string | null;
  components: string[];
  workingDays: number | null;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  desk: AgencyRef;
  handling: AgencyRef;
  /** Form 05: the step visits with their step and agency names. */
  visits: (StepVisit & { stepName: string; agencyName: string })[];
  /** The refusal reason proposed during processing, for a refused result. */
  refusalReason: string | null;
}

export interface IssueFacts {
  kind: DocumentKind;
  documentId: string;
  verifyUrl: string;
  at: Date;
  event: HistoryEvent;
  /** The agency in whose name the document is issued (header and seal). */
  issuer: AgencyRef;
  /** The officer who acted (signature block): name, position ("Chủ tịch"), full title, signing for a collective body. */
  officer: { name: string; title: string; position: string; collective: boolean };
  /** A draft shown before signing: marked as such on every page, no QR code, nothing registered. */
  draft?: boolean;
}
