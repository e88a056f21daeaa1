/** The e-form of a procedure rendered by @rjsf/core from its JSON Schema, in the UI language. */
import Form from '@rjsf/core';
import { englishStringTranslator, TranslatableString, type ErrorSchema } from '@rjsf/utils';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '../api/types.ts';
import { localizeSchema, uiSchemaFor } from './localize.ts';
import { localValidator } from './validator.ts';

type Data = Record<string, unknown>;
const RJSF_KEYS = new Map<string, string>(Object.entries(TranslatableString).map(([k, v]) => [v, k]));

export interface EFormProps {
  schema: JsonSchema;
  formData: Data;
  onChange(data: Data): void;
  onSubmit(data: Data): void;
  extraErrors?: ErrorSchema<Data>;
  children: ReactNode;
  idPrefix?: string;
}

export function EForm({ schema, formData, onChange, onSubmit, extraErrors, children, idPrefix = 'ef' }: EFormProps) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language;
  const localized = useMemo(() => localizeSchema(schema, lang, t('eform.legend')), [schema, lang, t]);
  const ui = useMemo(() => uiSchemaFor(schema, t('eform.choose')), [schema, t]);
  const validator = useMemo(() => localValidator((key, params) => t(key, params)), [t]);
  const translate = useMemo(() => (s: TranslatableString, params?: string[]) => {
    const k = `rjsf.${RJSF_KEYS.get(s) ?? ''}`;
    return i18n.exists(k, { ns: 'dossier' }) ? t(k, Object.fromEntries((params ?? []).map((p, i) => [`p${i + 1}`, p]))) : englishStringTranslator(s, params);
  }, [t, i18n]);

  return (
    <Form<Data>
      key={lang}
      className="eform"
      idPrefix={idPrefix}
      schema={localized as never}
      uiSchema={ui}
      formData={formData}
      validator={validator}
      onChange={(e) => onChange(e.formData ?? {})}
      onSubmit={(e) => onSubmit(e.formData ?? {})}
      onError={() => undefined}
      experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
      extraErrors={extraErrors}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      translateString={translate}
    >
      {children}
    </Form>
  );
}
