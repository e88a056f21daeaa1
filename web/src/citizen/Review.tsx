import { useTranslation } from 'react-i18next';
import type { Procedure } from '../api/types.ts';
import { FormDataView } from '../dossier/FormDataView.tsx';
import { formatSize } from '../ui/format.ts';
import type { UploadItem } from '../dossier/Uploads.tsx';

export function Review({ procedure, data, items }: { procedure: Procedure; data: Record<string, unknown>; items: UploadItem[] }) {
  const { t, i18n } = useTranslation('citizen');
  const done = items.filter((i) => i.status === 'done');
  return (
    <>
      <h2>{t('wizard.steps.review')}</h2>
      <p className="muted">{t('wizard.reviewLead')}</p>
      <h3>{t('wizard.formData')}</h3>
      <FormDataView schema={procedure.eform} data={data} />
      <h3>{t('wizard.documents')}</h3>
      <ul className="plain">
        {procedure.components.filter((c) => done.some((i) => i.componentCode === c.code)).map((c) => (
          <li key={c.code}>
            <strong>{c.name}</strong>
            <ul>{done.filter((i) => i.componentCode === c.code).map((i) => <li key={i.key}>{i.name} ({formatSize(i.size, i18n.language)})</li>)}</ul>
          </li>
        ))}
      </ul>
      <p className="alert alert-info">{t('wizard.declaration')}</p>
    </>
  );
}
