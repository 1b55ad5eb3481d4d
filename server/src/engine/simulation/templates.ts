// Platform templates in the texts a run shows (`{{{variables.ticketId}}}`, `{{variables.name}}`):
// filled from the variables the run has set, and shown as written otherwise. Only `variables.`
// templates are filled; anything else (`{{{db.records.0.x}}}`) is known only on the platform.
import { hasTemplate } from './engineParts';

const VARIABLE = /\{\{\{?\s*variables\.([^{}\s]+)\s*\}?\}\}/g;

/** `text` with each `variables.<name>` template whose variable is set replaced by its value. */
export function fillTemplates(text: string, variables: Readonly<Record<string, string>>): string {
  if (!hasTemplate(text)) return text;
  return text.replace(VARIABLE, (written, name: string) => (Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : written));
}

