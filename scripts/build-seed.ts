/**
 * Builds seed/catalog.json and seed/README.md from the shared reference data.
 *
 *   npx tsx scripts/build-seed.ts [path/to/shared/data]
 *
 * Default data folder: ../shared/data next to the repository. Output is deterministic (no
 * timestamps), so re-running on unchanged inputs gives byte-identical files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildCatalog, serializeSeed, type CatalogSeed, type SeedSource } from '../src/modules/catalog/catalog-seed.ts';
import type { AdminUnitsFile } from '../src/modules/catalog/province.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const dataDir = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../../shared/data/', import.meta.url)));
const seedDir = path.join(repoRoot, 'seed');
const PROVINCE = '44';

function read(file: string): { json: unknown; sha256: string } {
  const buf = readFileSync(path.join(dataDir, file));
  return { json: JSON.parse(buf.toString('utf8')), sha256: createHash('sha256').update(buf).digest('hex') };
}

const admin = read('admin-units-2025.json');
const procs = read('procedures-sample.json');

const sources: SeedSource[] = [
  {
    file: 'admin-units-2025.json',
    repository: 'https://github.com/dvhcvn/20250701',
    commit: 'dd94887ce32324380bc5bb0a76fe39867dafc73b',
    licence: 'MIT, © 2025 dvhcvn',
    sha256: admin.sha256,
    note: 'Unit list from Công văn 1027/CTK-CSCL (commune codes) and 915/CTK-CSCL (province codes).',
  },
  {
    file: 'procedures-sample.json',
    repository: 'https://github.com/chatbot-tthc/chatbot_tthc',
    commit: '53229487610b07e0d7127f529b87c333f19aeb1e',
    licence: 'none stated; official procedure information published on dichvucong.gov.vn (ND 63/2010/NĐ-CP)',
    sha256: procs.sha256,
    note: 'Reference/test data: 136 procedures crawled from the National Public Service Portal. Re-verify against sourceUrl before production use.',
  },
];

const seed: CatalogSeed = {
  generatedFrom: { generator: 'scripts/build-seed.ts', provinceCode: PROVINCE, sources },
  ...buildCatalog(admin.json as AdminUnitsFile, procs.json, PROVINCE),
};

const online = seed.procedures.filter((p) => p.eform != null).length;
const readme = `# seed/

\`catalog.json\` is the catalogue motcua starts with: the province of ${seed.province.name} (code ${seed.province.code}),
its ${seed.units.length} communes, wards and special zones, ${seed.agencies.length} agencies, ${seed.fields.length} procedure fields and
${seed.procedures.length} administrative procedures (${online} with an online e-form).

It is generated — do not edit it by hand. Rebuild with

    npx tsx scripts/build-seed.ts [path/to/shared/data]

The mapping rules are documented in \`src/modules/catalog/source*.ts\`, \`eforms.ts\` and \`province.ts\`.
The file is valid JSON with one unit, agency, field or procedure per line, so rebuilds diff per record.

## Importing more procedures

\`motcua import procedures FILE\` reads a JSON array of procedure records in the same format as
\`procedures-sample.json\` (national portal pages flattened field by field: \`code\`, \`name\`, \`field\`,
\`level\`, \`agencies\`, \`agencyType\`, \`onlineSubmission\`, \`channels[]\`, \`components[]\`, \`results[]\`, …;
see \`src/modules/catalog/source-types.ts\`). A malformed record is rejected with its index.

## Sources and licences

| Data | Source | Licence |
|---|---|---|
| Administrative units after 1 July 2025 (\`admin-units-2025.json\`) | https://github.com/dvhcvn/20250701 at \`dd94887ce32324380bc5bb0a76fe39867dafc73b\`; official basis Công văn 1027/CTK-CSCL and 915/CTK-CSCL | MIT, © 2025 dvhcvn — keep this notice when redistributing |
| Administrative procedures (\`procedures-sample.json\`, 136 records) | Pages of the National Public Service Portal (dichvucong.gov.vn) crawled by https://github.com/chatbot-tthc/chatbot_tthc at \`53229487610b07e0d7127f529b87c333f19aeb1e\` | No licence stated in that repository. The content is official procedure information whose publication is mandatory (ND 63/2010/NĐ-CP); treat it as reference data and re-verify each procedure against its \`sourceUrl\` before production use |

Agency names, IDs and e-forms are motcua's own (see \`province.ts\` and \`eforms.ts\`); agency IDs follow
the Decision 20/2020/QĐ-TTg style but are not officially assigned codes.
`;

mkdirSync(seedDir, { recursive: true });
writeFileSync(path.join(seedDir, 'catalog.json'), serializeSeed(seed));
writeFileSync(path.join(seedDir, 'README.md'), readme);
console.log(`seed/catalog.json: ${seed.procedures.length} procedures (${online} online), ${seed.agencies.length} agencies, ${seed.units.length} units`);
