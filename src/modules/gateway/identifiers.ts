/**
 * X-Road identifiers (pure): a subsystem is INSTANCE/CLASS/MEMBER/SUBSYSTEM and a service is
 * INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE. Each part is 1–255 characters without `/`, `\`, `:`, `;`,
 * `%`, whitespace or control characters (X-Road forbids these in identifiers: PR-REST §4.2 and the
 * central server's identifier rules); member codes are agency electronic ids such as 000.00.44.H56.
 */

export interface SubsystemId {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystemCode: string;
}

export interface ServiceId extends SubsystemId {
  serviceCode: string;
}

// Forbidden: path and parameter separators, percent (no encoded tricks), whitespace, controls, non-BMP.
const PART = /^[^\s/\\:;%\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]{1,255}$/u;

export function validPart(s: string): boolean {
  return PART.test(s);
}

function parts(text: string, n: number): string[] | null {
  const p = text.split('/');
  if (p.length !== n || !p.every(validPart)) return null;
  return p;
}

/** `VN/GOV/000.00.44.H56/MOTCUA` → its parts, or null when malformed. */
export function parseSubsystemId(text: string): SubsystemId | null {
  const p = parts(text, 4);
  if (!p) return null;
  return { instance: p[0]!, memberClass: p[1]!, memberCode: p[2]!, subsystemCode: p[3]! };
}

/** `VN/GOV/000.00.44.H56/MOTCUA/dossier-status` → its parts, or null when malformed. */
export function parseServiceId(text: string): ServiceId | null {
  const p = parts(text, 5);
  if (!p) return null;
  return { instance: p[0]!, memberClass: p[1]!, memberCode: p[2]!, subsystemCode: p[3]!, serviceCode: p[4]! };
}

export function formatSubsystemId(id: SubsystemId): string {
  return [id.instance, id.memberClass, id.memberCode, id.subsystemCode].join('/');
}

export function formatServiceId(id: ServiceId): string {
  return `${formatSubsystemId(id)}/${id.serviceCode}`;
}
