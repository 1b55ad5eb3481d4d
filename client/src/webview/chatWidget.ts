// The chat widget as the customer sees it, drawn the same way by the banner preview and the
// simulator: the widget's frame, the banner above the chat input (cards, titles, option pills),
// and the input itself. Pure (no vscode), so it runs and is tested under plain Node.

/** How an option's pill is drawn: a text it sends, a link, a text known only when sent, or one that starts nothing. */
export type PillKind = 'text' | 'link' | 'template' | 'unmatched' | 'stuck';

/**
 * An option of a banner as a pill; `labelHtml` is already escaped. With `button` (attributes,
 * already escaped), a button the customer can click; else a picture of one.
 */
export function pillHtml(labelHtml: string, kind: PillKind, button?: string): string {
  // `stuck`: the phrase starts a journey, but the checks find that the way does not lead back to the bot.
  const className = kind === 'text' ? 'pill' : `pill ${kind === 'stuck' ? 'unmatched' : kind}`;
  const content =
    kind === 'link'
      ? `${labelHtml} <span aria-label="opens a link">↗</span>`
      : kind === 'unmatched' || kind === 'stuck'
        ? `<span class="warn-mark" aria-label="${kind === 'stuck' ? 'does not go back to the bot' : 'starts nothing'}">⚠</span> ${labelHtml}`
        : labelHtml;
  return button === undefined
    ? `<span class="${className}">${content}</span>`
    : `<button type="button" class="${className}" ${button}>${content}</button>`;
}

/** The badge of a banner in a rotation: `1 / 3`. */
export function positionBadge(position: string): string {
  return `<span class="position">${position}</span>`;
}

/** A text banner: its title (HTML), its pills, and what follows them (HTML). */
export function textBannerHtml(parts: {
  readonly badge?: string;
  readonly titleHtml: string;
  readonly pills: readonly string[];
  readonly after?: string;
}): string {
  const pills = parts.pills.join('');
  return `<div class="banner">${parts.badge ?? ''}<p class="banner-title">${parts.titleHtml}</p>${pills ? `<div class="buttons">${pills}</div>` : ''}${parts.after ?? ''}</div>`;
}

/** An image banner around its image (or the placeholder that stands for it). */
export function imageBannerHtml(badge: string, imageHtml: string): string {
  return `<div class="banner image">${badge}${imageHtml}</div>`;
}

/** A banner that cannot be drawn as the customer will see it, with what stands in its place. */
export function placeholderBannerHtml(html: string): string {
  return `<div class="banner placeholder">${html}</div>`;
}

/** The widget's header bar. */
export const WIDGET_HEADER = '<div class="widget-header"><span class="avatar" aria-hidden="true"></span><span>Chat</span></div>';

// Colours come from the editor's theme; the fallbacks only matter outside VS Code.
/** The widget, its banner and its chat input. */
export const CHAT_WIDGET_STYLE = `
.widget {
  max-width: 380px;
  border: 1px solid var(--vscode-widget-border, var(--vscode-editorWidget-border, #454545));
  border-radius: 14px; overflow: hidden;
  background: var(--vscode-editorWidget-background, #252526);
  box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.36));
}
.widget-header {
  display: flex; align-items: center; gap: 8px; padding: 10px 14px; font-weight: 600;
  background: var(--vscode-button-background, #0e639c); color: var(--vscode-button-foreground, #fff);
}
.avatar { width: 22px; height: 22px; border-radius: 50%; background: var(--vscode-button-foreground, #fff); opacity: .85; }
.callout { display: flex; flex-direction: column; gap: 8px; padding: 8px 10px; }
.banner {
  position: relative; padding: 10px 12px; border-radius: 10px;
  background: var(--vscode-editor-background, #1e1e1e);
  border: 1px solid var(--vscode-widget-border, var(--vscode-editorWidget-border, #454545));
  border-left: 3px solid var(--vscode-button-background, #0e639c);
  box-shadow: 0 1px 4px var(--vscode-widget-shadow, rgba(0,0,0,.36));
}
.banner.placeholder { color: var(--vscode-descriptionForeground, #999); border-style: dashed; }
.banner.image { padding: 6px; }
.banner img { display: block; max-width: 100%; border-radius: 6px; }
.image-placeholder {
  padding: 18px 10px; text-align: center; border-radius: 6px;
  border: 1px dashed var(--vscode-descriptionForeground, #999); color: var(--vscode-descriptionForeground, #999);
}
.position {
  position: absolute; top: 6px; right: 8px; font-size: 0.8em; padding: 0 6px; border-radius: 8px;
  background: var(--vscode-badge-background, #4d4d4d); color: var(--vscode-badge-foreground, #fff);
}
.banner-title { margin: 0 40px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.buttons { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.pill {
  display: inline-block; padding: 3px 12px; border-radius: 999px; font-size: 0.95em;
  background: var(--vscode-button-background, #0e639c); color: var(--vscode-button-foreground, #fff);
  border: 1px solid transparent;
}
button.pill { font-family: inherit; cursor: pointer; }
button.pill:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
button.pill:focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: 2px; }
.pill.small { font-size: 0.85em; padding: 0 8px; }
.pill.link { background: var(--vscode-button-secondaryBackground, #3a3d41); color: var(--vscode-button-secondaryForeground, #fff); }
.pill.template { border: 1px dotted var(--vscode-button-foreground, #fff); }
.pill.unmatched {
  background: transparent; color: var(--vscode-editorWarning-foreground, #cca700);
  border: 1px dashed var(--vscode-editorWarning-foreground, #cca700);
}
.warn-mark { color: var(--vscode-editorWarning-foreground, #cca700); }
.composer {
  display: flex; justify-content: space-between; align-items: center; margin: 4px 10px 10px; padding: 8px 12px;
  border-radius: 20px; background: var(--vscode-input-background, #3c3c3c);
  border: 1px solid var(--vscode-input-border, transparent);
}
.placeholder { color: var(--vscode-input-placeholderForeground, #999); }
.send { color: var(--vscode-button-background, #0e639c); }
`;
