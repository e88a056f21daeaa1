/**
 * `motcua pki …`: the province PKI. `init` creates the root and issuing CA, seals and officer
 * certificates and the CRLs; `import-p12` brings in a certificate from a real CA for an officer or an
 * agency; `list`, `revoke` and `root` administer it. Private keys never leave the database unencrypted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/index.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { CliContext } from '../../platform/module.ts';
import { userIdByUsername } from '../identity/index.ts';
import { importP12, listCertificates, refreshCrls, revokeCertificate } from './admin.ts';
import { CRL_REASONS, type CrlReason } from './x509.ts';
import { ensurePki } from './service.ts';
import { provinceRootPem } from './store.ts';

export interface PkiCliDeps {
  config?: Config;
  clock?: Clock;
  /** Opens the database (default: from the configuration, migrated); closed after the command. */
  open?: () => Promise<Database>;
  out?: (line: string) => void;
}

export function registerPkiCommands(program: Command, cli: Pick<CliContext, 'config' | 'withDb'> | null, deps: PkiCliDeps = {}): void {
  const config = deps.config ?? cli!.config;
  const clock = deps.clock ?? systemClock;
  const out = deps.out ?? ((l: string) => console.log(l));
  const { open } = deps;
  const withDb = async <T>(fn: (d: Database) => Promise<T>): Promise<T> => {
    if (!open) return cli!.withDb((d) => fn(d));
    const d = await open();
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };
  const rootPem = (d: Database) => provinceRootPem(d.db);

  const pki = program.command('pki').description('the province PKI: CAs, seals, officer certificates, CRLs');

  pki.command('init').description('create the province root and issuing CA, seals, officer signing certificates and CRLs (keys encrypted with PKI_PASSPHRASE)')
    .option('--root-out <file>', 'also write the root CA certificate (PEM) to this file, to trust it elsewhere')
    .action((o: { rootOut?: string }) => withDb(async (d) => {
      const r = await ensurePki(d.db, config, clock);
      const certs = await listCertificates(d.db);
      out(r.created ? `PKI created: ${certs.length} certificates` : `PKI already initialised: ${certs.length} certificates`);
      for (const c of certs.filter((x) => x.purpose === 'root_ca')) out(`root ${c.subject} SHA-256 ${c.fingerprint}`);
      if (o.rootOut) writeFileSync(o.rootOut, (await rootPem(d)) ?? '');
    }));

  pki.command('import-p12 <file>').description('import a certificate and key from a real CA (PKCS#12) for an officer or an agency seal')
    .option('--password <password>', 'the PKCS#12 password', '')
    .option('--user <username>', 'the officer who signs with it')
    .option('--agency <id>', 'the agency whose organisation seal it is')
    .action((file: string, o: { password: string; user?: string; agency?: string }) => withDb(async (d) => {
      if (!o.user === !o.agency) throw new Error('give exactly one of --user or --agency');
      let holder: { userId: string } | { agencyId: string };
      if (o.user) {
        const id = await userIdByUsername(d.db, o.user, 'officer');
        if (!id) throw new Error(`no officer ${o.user}`);
        holder = { userId: id };
      } else holder = { agencyId: o.agency! };
      const r = await importP12(d.db, config, readFileSync(file), o.password, holder, clock);
      out(`imported ${r.purpose} certificate ${r.subject} (${r.id})${r.chainComplete ? '' : ' — warning: its chain does not reach a root certificate; import the CA bundle too'}`);
    }));

  pki.command('list').description('list the certificates').option('--json')
    .action((o: { json?: boolean }) => withDb(async (d) => {
      const certs = await listCertificates(d.db);
      if (o.json) return out(JSON.stringify(certs, null, 2));
      for (const c of certs) out(`${c.id}  ${c.purpose.padEnd(10)} ${c.status.padEnd(10)} ${c.source.padEnd(8)} ${c.subject}`);
    }));

  pki.command('revoke <id>').description('revoke a certificate and publish its issuer\'s CRL')
    .option('--reason <reason>', Object.keys(CRL_REASONS).join(', '), 'unspecified')
    .action((id: string, o: { reason: string }) => withDb(async (d) => {
      await revokeCertificate(d.db, config, id, o.reason as CrlReason, clock);
      out(`revoked ${id} (${o.reason})`);
    }));

  pki.command('crl').description('republish the CRLs that expire within a week (run daily from cron)')
    .option('--force', 'republish every CRL now')
    .action((o: { force?: boolean }) => withDb(async (d) => {
      out(`published ${await refreshCrls(d.db, config, clock, { force: o.force })} CRL(s)`);
    }));

  pki.command('root').description('print the province root CA certificate (PEM)')
    .action(() => withDb(async (d) => {
      const pem = await rootPem(d);
      if (!pem) throw new Error('the PKI is not initialised: run `motcua pki init`');
      out(pem.trim());
    }));
}
