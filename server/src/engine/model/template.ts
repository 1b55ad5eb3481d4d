// Platform templates such as {{{variables.banner_message}}}: filled in at run time, so a check
// must never judge their value.

const TEMPLATE = /\{\{\{?\s*[^{}\s][^{}]*\}?\}\}/;

/** True when the string holds a template anywhere, so its final value is not known here. */
export function hasTemplate(value: string): boolean {
  return TEMPLATE.test(value);
}

/** A piece of a string: literal text, or one template (`{{{variables.x}}}`) as written. */
export interface TemplatePart {
  readonly text: string;
  readonly template: boolean;
}

/**
 * `value` cut into its literal text and its templates, in order; joined, the parts' texts give
 * `value` back. A string without a template is one literal part (none for the empty string).
 */
export function templateParts(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const all = new RegExp(TEMPLATE.source, 'g');
  let at = 0;
  for (let match = all.exec(value); match; match = all.exec(value)) {
    if (match.index > at) parts.push({ text: value.slice(at, match.index), template: false });
    parts.push({ text: match[0], template: true });
    at = match.index + match[0].length;
  }
  if (at < value.length) parts.push({ text: value.slice(at), template: false });
  return parts;
}

const TEMPLATES = new RegExp(TEMPLATE.source, 'g');

/**
 * `value` with each template replaced by a space: the literal text around templates, which is
 * known here (`Bearer abc123… {{{variables.x}}}` keeps its token, and its template is no word of it).
 */
export function withoutTemplates(value: string): string {
  return value.includes('{{') ? value.replace(TEMPLATES, ' ') : value;
}
