// A directory field's name in the user's language, for the column mapping.
import type { Field } from '../../../shared/io/import/columns.ts';
import { t } from '../../../shared/ui/i18n/i18n.svelte.ts';

export function fieldLabel(field: Field): string {
  return t(`importer.field.${field}`);
}
