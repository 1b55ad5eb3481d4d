// Platform templates such as {{{variables.banner_message}}}: filled in at run time, so a check
// must never judge their value.

const TEMPLATE = /\{\{\{?\s*[^{}\s][^{}]*\}?\}\}/;

/** True when the string holds a template anywhere, so its final value is not known here. */
export function hasTemplate(value: string): boolean {
  return TEMPLATE.test(value);
}

const TEMPLATES = new RegExp(TEMPLATE.source, 'g');

/**
 * `value` with each template replaced by a space: the literal text around templates, which is
 * known here (`Bearer abc123… {{{variables.x}}}` keeps its token, and its template is no word of it).
 */
export function withoutTemplates(value: string): string {
  return value.includes('{{') ? value.replace(TEMPLATES, ' ') : value;
}
