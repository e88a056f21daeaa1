/** `gateway list` as text for people. */
import type { RegistryView } from './registry-views.ts';

export function printRegistry(v: RegistryView): string {
  const out: string[] = [`instance ${v.instance}`, '', `members (${v.members.length})`];
  for (const m of v.members) {
    out.push(`  ${m.id}  ${m.name}`);
    for (const s of m.subsystems) {
      out.push(`    ${s.id}  ${s.name}`);
      for (const c of s.credentials) out.push(`      ${c.kind === 'secret' ? 'client' : 'cert  '} ${c.clientId}${c.revokedAt ? `  revoked ${c.revokedAt}` : ''}`);
    }
  }
  out.push('', `services (${v.services.length})`);
  for (const s of v.services) {
    const flags = [s.disabled ? 'disabled' : '', s.digestOnly ? 'digest-only' : '', s.timeoutMs ? `timeout ${s.timeoutMs} ms` : ''].filter(Boolean).join(', ');
    out.push(`  ${s.id} → ${s.url}${flags ? `  (${flags})` : ''}`);
    for (const e of s.endpoints) out.push(`    endpoint ${e.method} ${e.path}`);
    for (const r of s.rights) out.push(`    allow ${r.subject}: ${r.method} ${r.path}`);
  }
  out.push('', `groups (${v.groups.length})`);
  for (const g of v.groups) out.push(`  ${g.id}  ${g.description}  [${g.members.join(', ')}]`);
  return out.join('\n');
}
