// What every webview of the extension writes its HTML with: escaping, `code` words and templates
// set apart, the content security policy, and the base style in the theme's colours. Pure (no
// vscode), so that the renderers run and are tested under plain Node.
import { randomBytes } from 'node:crypto';
import { templateParts } from '../../../server/src/engine';

/** A fresh nonce for one webview document (16 random bytes, base64): allows its inline style and script. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Text made safe to put between tags or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped text whose `backticked` words become code. */
export function withCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A template (`{{{variables.x}}}`) as code, marked as one. */
export function templateCode(template: string): string {
  return `<code class="template">${escapeHtml(template)}</code>`;
}

/** A string holding templates, with each template set apart. */
export function templateText(text: string): string {
  return templateParts(text)
    .map((part) => (part.template ? templateCode(part.text) : escapeHtml(part.text)))
    .join('');
}

/** What a webview may load: `cspSource` is the webview's own origin, `nonce` the one allowed for inline styles and scripts. */
export interface PolicyOptions {
  readonly cspSource: string;
  readonly nonce: string;
  /** Scripts with the nonce may run (none may without). */
  readonly scripts?: boolean;
  /** `https:` images may load. */
  readonly remoteImages?: boolean;
}

/** The content security policy: nothing by default, styles and scripts with the nonce, images from the webview itself and `data:`. */
export function contentSecurityPolicy(options: PolicyOptions): string {
  return [
    "default-src 'none'",
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource}${options.remoteImages ? ' https:' : ''} data:`,
    ...(options.scripts ? [`script-src 'nonce-${options.nonce}'`] : []),
  ].join('; ');
}

// Colours come from the editor's theme; the fallbacks only matter outside VS Code.
/** The page, headings and code, as every webview of the extension draws them. */
export const BASE_STYLE = `
:root { color-scheme: light dark; }
body {
  margin: 0; padding: 12px 16px 24px;
  background: var(--vscode-editor-background, #1e1e1e);
  color: var(--vscode-editor-foreground, #ccc);
  font-family: var(--vscode-font-family, system-ui, sans-serif);
  font-size: var(--vscode-font-size, 13px);
  line-height: 1.4;
}
h1 { font-size: 1.15em; margin: 0 0 2px; font-weight: 600; }
h2 { font-size: 1em; margin: 16px 0 6px; font-weight: 600; }
h3 { font-size: 0.95em; margin: 10px 0 4px; font-weight: 600; color: var(--vscode-descriptionForeground, #999); }
code {
  font-family: var(--vscode-editor-font-family, monospace);
  font-size: 0.92em;
  background: var(--vscode-textCodeBlock-background, rgba(127,127,127,.15));
  border-radius: 3px; padding: 0 3px;
}
code.template { color: var(--vscode-textPreformat-foreground, inherit); border: 1px dotted var(--vscode-descriptionForeground, #999); }
`;
