// Platform templates such as {{{variables.banner_message}}}: filled in at run time, so a check
// must never judge their value.

const TEMPLATE = /\{\{\{?\s*[^{}\s][^{}]*\}?\}\}/;

/** True when the string holds a template anywhere, so its final value is not known here. */
export function hasTemplate(value: string): boolean {
  return TEMPLATE.test(value);
}
