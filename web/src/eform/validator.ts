/** An @rjsf ValidatorType over eform/check.ts (no eval, messages in the UI language). */
import {
  createErrorHandler, getDefaultFormState, toErrorSchema, unwrapErrorHandler, validationDataMerge,
  type CustomValidator, type ErrorTransformer, type RJSFSchema, type UiSchema, type ValidatorType,
} from '@rjsf/utils';
import type { JsonSchema } from '../api/types.ts';
import { check, type Msg } from './check.ts';

type Data = Record<string, unknown>;

export function localValidator(msg: Msg): ValidatorType<Data> {
  const run = (schema: RJSFSchema, data: unknown, root?: RJSFSchema) => check(schema as JsonSchema, data, msg, (root ?? schema) as JsonSchema);
  const validator: ValidatorType<Data> = {
    validateFormData(formData, schema, customValidate?: CustomValidator<Data>, transformErrors?: ErrorTransformer<Data>, uiSchema?: UiSchema<Data>) {
      let errors = run(schema, formData);
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      const errorSchema = toErrorSchema<Data>(errors);
      if (!customValidate) return { errors, errorSchema };
      const full = (getDefaultFormState<Data>(validator, schema, formData, schema, true) ?? {}) as Data;
      const handler = customValidate(full, createErrorHandler<Data>(full), uiSchema, errorSchema);
      return validationDataMerge<Data>({ errors, errorSchema }, unwrapErrorHandler<Data>(handler));
    },
    isValid(schema, formData, rootSchema) {
      return run(schema, formData, rootSchema).length === 0;
    },
    rawValidation<Result>(schema: RJSFSchema, formData?: Data) {
      return { errors: run(schema, formData) as unknown as Result[] };
    },
  };
  return validator;
}
