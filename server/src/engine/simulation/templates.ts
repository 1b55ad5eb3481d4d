// Platform templates in the texts a run shows (`{{{variables.ticketId}}}`, `{{variables.name}}`):
// filled from the variables the run has set, and shown as written otherwise. Only `variables.`
// templates are filled; anything else (`{{{db.records.0.x}}}`) is known only on the platform.
import { templateParts } from '../model/template';

/** The variable a template names (`variables.<name>`, braces and spaces stripped), else undefined. */
function variableOf(template: string): string | undefined {
  const inner = template.replace(/^\W+|\W+$/g, '');
  return inner.startsWith('variables.') ? inner.slice('variables.'.length) : undefined;
}

/** `text` with each `variables.<name>` template whose variable is set replaced by its value. */
export function fillTemplates(text: string, variables: Readonly<Record<string, string>>): string {
  return templateParts(text)
    .map(({ text: part, template }) => {
      const name = template ? variableOf(part) : undefined;
      return name !== undefined && Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : part;
    })
    .join('');
}
