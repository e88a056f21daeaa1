import { defineModule } from '../../platform/module.ts';
import { registerPkiCommands } from '../../cli/pki.ts';

/** The province PKI: CA, certificates and keys, CRLs, CMS/PAdES signing, time-stamps, verification. */
export const pkiModule = defineModule({
  name: 'pki',
  tables: ['pki_certificates', 'pki_crls'],
  migrations: new URL('./migrations/', import.meta.url),
  commands: (program) => registerPkiCommands(program),
});
