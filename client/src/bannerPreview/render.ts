// The banner preview's HTML: the banner drawn as the customer sees it above the chat input, then
// what each button starts. Pure (no vscode), so it runs and is tested under plain Node.
import {
  hasTemplate,
  type BannerPreview,
  type BannerSettingsView,
  type BannerView,
  type ButtonView,
  type ImageBannerView,
  type PhraseTarget,
  type TextBannerView,
} from '../../../server/src/engine';
import {
  CHAT_WIDGET_STYLE,
  imageBannerHtml,
  pillHtml,
  placeholderBannerHtml,
  positionBadge,
  textBannerHtml,
  WIDGET_HEADER,
  type PillKind,
} from '../webview/chatWidget';
import { BASE_STYLE, contentSecurityPolicy, escapeHtml, templateCode, templateText, withCode } from '../webview/markup';

export interface RenderOptions {
  /** The webview's `cspSource`: where it may load styles and images from. */
  readonly cspSource: string;
  /** A fresh random value for each render; allows the one inline style sheet. */
  readonly nonce: string;
  /** Shown as the document's title and heading. */
  readonly title?: string;
  /**
   * Whether `https:` images are loaded (the `handoffKit.preview.loadRemoteImages` setting); off by
   * default, since loading one tells its host when the file was opened. Off: a placeholder with the URL.
   */
  readonly loadRemoteImages?: boolean;
}

/** A complete HTML document for the webview. It has no script at all. */
export function renderBannerPreviewHtml(preview: BannerPreview | undefined, options: RenderOptions): string {
  const title = options.title ?? 'Banner preview';
  const nonce = escapeHtml(options.nonce);
  const csp = contentSecurityPolicy({ cspSource: options.cspSource, nonce: options.nonce, remoteImages: options.loadRemoteImages });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${BASE_STYLE}${CHAT_WIDGET_STYLE}${PREVIEW_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${preview ? previewBody(preview, options.loadRemoteImages ?? false) : emptyState()}
</body>
</html>
`;
}

function emptyState(): string {
  return `<p class="empty">No banner payload here. A banner payload is the <code>data</code> of a Send Event node for
<code>ui-event-update-promotion</code> or <code>ui-event-close-promotion</code>; put the cursor in one.</p>`;
}

function previewBody(preview: BannerPreview, loadRemoteImages: boolean): string {
  const where = [
    preview.journey !== undefined ? `journey <code>${escapeHtml(preview.journey)}</code>` : undefined,
    preview.nodeId !== undefined ? `node <code>${escapeHtml(preview.nodeId)}</code>` : undefined,
    `sent with <code>${escapeHtml(preview.event)}</code>`,
    SHAPE_NAMES[preview.shape],
  ].filter((part) => part !== undefined);
  const several = preview.banners.length > 1;
  return `<p class="where">${where.join(' · ')}</p>
${problemsOf(preview.problems)}
<section class="widget" aria-label="The chat widget as the customer sees it">
  ${WIDGET_HEADER}
  <div class="conversation" aria-hidden="true"><div class="line agent"></div><div class="line customer"></div><div class="line agent short"></div></div>
  ${settingsBefore(preview.settings)}
  <div class="callout">
    ${calloutOf(preview, loadRemoteImages)}
  </div>
  ${rotationOf(preview)}
  <div class="composer"><span class="placeholder">Type a message…</span><span class="send" aria-hidden="true">➤</span></div>
</section>
${legendOf(preview.banners, several)}
${settingsAfter(preview.settings)}`;
}

const SHAPE_NAMES: Record<BannerPreview['shape'], string> = {
  banner: 'one banner',
  array: 'banners in rotation',
  legacy: 'legacy (V1) banners',
  dynamic: 'dynamic banners',
  template: 'a template',
};

function calloutOf(preview: BannerPreview, loadRemoteImages: boolean): string {
  if (preview.template !== undefined) {
    return placeholderBannerHtml(`The whole banner is the template ${templateCode(preview.template)}, filled in when the event is sent.`);
  }
  if (preview.bannersTemplate !== undefined) {
    return placeholderBannerHtml(`The banners are the template ${templateCode(preview.bannersTemplate)}, filled in when the event is sent.`);
  }
  if (!preview.banners.length) return placeholderBannerHtml('Nothing to show: the payload holds no banner.');
  const count = preview.banners.length;
  return preview.banners.map((banner, i) => bannerOf(banner, count > 1 ? `${i + 1} / ${count}` : undefined, loadRemoteImages)).join('\n    ');
}

function bannerOf(banner: BannerView, position: string | undefined, loadRemoteImages: boolean): string {
  const badge = position ? positionBadge(position) : '';
  return banner.kind === 'image' ? imageBannerOf(banner, badge, loadRemoteImages) : textBannerOf(banner, badge);
}

function textBannerOf(banner: TextBannerView, badge: string): string {
  const title = banner.titleIsTemplate
    ? `${templateText(banner.title)} <span class="filled">(filled in when sent)</span>`
    : banner.title
      ? escapeHtml(banner.title)
      : '<em class="missing">no title</em>';
  const optionsTemplate =
    banner.optionsTemplate !== undefined ? `<p class="filled">Buttons: ${templateCode(banner.optionsTemplate)}, filled in when sent</p>` : '';
  return textBannerHtml({ badge, titleHtml: title, pills: banner.buttons.map(pillOf), after: optionsTemplate });
}

function pillOf(button: ButtonView): string {
  const label = button.label ? escapeHtml(button.label) : '<em>no label</em>';
  return pillHtml(label, pillKind(button));
}

function pillKind({ action }: ButtonView): PillKind {
  if (action.kind === 'url') return 'link';
  if (action.kind === 'text' && action.template) return 'template';
  if (action.kind === 'text' && action.matched) return action.findings.length ? 'stuck' : 'text';
  return 'unmatched';
}

function imageBannerOf(banner: ImageBannerView, badge: string, loadRemoteImages: boolean): string {
  const url = banner.imageURL;
  let image: string;
  if (!url) image = '<div class="image-placeholder"><em class="missing">no imageURL</em></div>';
  else if (hasTemplate(url)) image = `<div class="image-placeholder">Image ${templateCode(url)}, filled in when sent</div>`;
  else if (/^data:image\//i.test(url) || (loadRemoteImages && /^https:\/\//i.test(url)))
    image = `<img src="${escapeHtml(url)}" alt="The banner image">`;
  else if (/^https:\/\//i.test(url)) {
    image = `<div class="image-placeholder">Image <code>${escapeHtml(url)}</code> is not loaded: remote images load only when the setting <code>handoffKit.preview.loadRemoteImages</code> is on</div>`;
  } else image = `<div class="image-placeholder">Image <code>${escapeHtml(url)}</code> is not shown: the preview loads images over https only</div>`;
  return imageBannerHtml(badge, image);
}

function rotationOf(preview: BannerPreview): string {
  if (preview.banners.length < 2) return '';
  const dots = preview.banners.map((_, i) => `<span class="dot${i === 0 ? ' current' : ''}"></span>`).join('');
  const speed = preview.settings?.autoPlaySpeed;
  const autoPlay = preview.settings?.autoPlay;
  let how = 'shown one at a time';
  if (autoPlay === true) how = typeof speed === 'number' ? `rotating every ${formatSeconds(speed)}` : 'rotating automatically';
  else if (autoPlay === false) how = 'one at a time, the customer moves between them';
  return `<div class="rotation">${dots}<span class="rotation-text">${preview.banners.length} banners, ${escapeHtml(how)}</span></div>`;
}

/** What the customer's phrases and clicks start, banner by banner. */
function legendOf(banners: BannerView[], several: boolean): string {
  const sections = banners.flatMap((banner, i) => {
    const items = banner.kind === 'image' ? imageItems(banner) : textItems(banner);
    if (!items.length) return [];
    const heading = several ? `<h3>Banner ${i + 1}</h3>` : '';
    return [`${heading}<ul>${items.join('')}</ul>`];
  });
  return sections.length ? `<section class="legend"><h2>What the banner starts</h2>${sections.join('')}</section>` : '';
}

function textItems(banner: TextBannerView): string[] {
  const items: string[] = [];
  if (banner.typedPhrase) {
    const { phrase } = banner.typedPhrase;
    items.push(targetItem(`The customer types ${quote(phrase)}`, phrase, banner.typedPhrase));
  }
  for (const button of banner.buttons) {
    const label = button.label ? `<span class="pill small">${escapeHtml(button.label)}</span>` : '<span class="pill small"><em>no label</em></span>';
    const { action } = button;
    if (action.kind === 'url') {
      items.push(`<li class="ok">${label} opens ${action.template ? templateCode(action.url) : `<code>${escapeHtml(action.url)}</code>`}</li>`);
    } else if (action.kind === 'none') {
      items.push(`<li class="warn">${label} <span class="warn-mark">⚠</span> does nothing: it has no <code>text</code> or <code>url</code></li>`);
    } else if (action.template) {
      items.push(`<li class="template">${label} sends ${templateCode(action.text)}, filled in when sent: not checked</li>`);
    } else {
      items.push(targetItem(`${label} sends ${quote(action.text)}`, action.text, action));
    }
  }
  return items;
}

/**
 * What a phrase starts, with a green check only when the checks find nothing on its way: every
 * finding on the path (the banner's event, the phrase, its intents, the journeys it starts) is
 * listed under it instead, so that the preview never contradicts the Problems panel.
 */
function targetItem(what: string, phrase: string, target: PhraseTarget): string {
  const findings = findingsList(target.findings);
  if (!target.matched) {
    return `<li class="warn">${what} <span class="warn-mark">⚠</span> <strong>no intent is trained with ${quote(phrase)}</strong>: it starts no journey${findings}</li>`;
  }
  const intents = target.intents.map((i) => `<code>${escapeHtml(i)}</code>`).join(', ');
  const plural = target.intents.length > 1 ? 'intents' : 'intent';
  if (!target.journeys.length) {
    return `<li class="warn">${what}: starts ${plural} ${intents} <span class="warn-mark">⚠</span> <strong>which no journey is triggered by</strong>${findings}</li>`;
  }
  const journeys = target.journeys.map((j) => `<code>${escapeHtml(j)}</code>`).join(', ');
  const starts = `${what}: starts ${plural} ${intents} → ${target.journeys.length > 1 ? 'journeys' : 'journey'} ${journeys}`;
  if (target.findings.length)
    return `<li class="warn">${starts} <span class="warn-mark">⚠</span> <strong>but not back to the bot</strong>${findings}</li>`;
  return `<li class="ok">${starts}</li>`;
}

/** The findings on a phrase's way, one line each: code, file, message. */
function findingsList(findings: PhraseTarget['findings']): string {
  if (!findings.length) return '';
  const items = findings.map(
    (f) => `<li class="finding ${f.severity}"><code>${escapeHtml(f.code)}</code> (${escapeHtml(f.file)}): ${withCode(f.message)}</li>`,
  );
  return `<ul class="findings">${items.join('')}</ul>`;
}

function imageItems(banner: ImageBannerView): string[] {
  if (banner.linkURL === undefined) return [];
  const link = hasTemplate(banner.linkURL) ? templateCode(banner.linkURL) : `<code>${escapeHtml(banner.linkURL)}</code>`;
  return [`<li class="ok">A click on the image opens ${link}</li>`];
}

/** Settings that change what the customer sees first: a minimised or hidden banner bar. */
function settingsBefore(settings: BannerSettingsView | undefined): string {
  if (!settings) return '';
  const notes: string[] = [];
  if (settings.state === 'close') {
    const text = settings.textOnMinimise ? escapeHtml(settings.textOnMinimise) : '<em>no textOnMinimise</em>';
    notes.push(
      `<div class="minimised"><span>${text}</span><span aria-hidden="true">⌃</span></div><p class="note">Starts minimised (<code>state: "close"</code>); opened, it shows:</p>`,
    );
  } else if (settings.state !== undefined && settings.state !== 'open') {
    notes.push(`<p class="note">Open or minimised as ${templateCode(settings.state)} says when sent.</p>`);
  }
  if (settings.hide === true) notes.push('<p class="note warn"><code>hide: true</code>: the banner bar is hidden.</p>');
  if (settings.displayShowPromotionBar === false) notes.push('<p class="note"><code>displayShowPromotionBar: false</code>: no promotion bar.</p>');
  return notes.join('');
}

/** Settings shown beside the widget: the legacy promotion message, as source. */
function settingsAfter(settings: BannerSettingsView | undefined): string {
  if (!settings) return '';
  const rows: string[] = [];
  for (const key of ['autoPlay', 'autoPlaySpeed', 'hide', 'displayShowPromotionBar', 'state', 'textOnMinimise'] as const) {
    const value = settings[key];
    if (value === undefined) continue;
    const shown = typeof value === 'string' && hasTemplate(value) ? templateCode(value) : `<code>${escapeHtml(JSON.stringify(value))}</code>`;
    rows.push(`<tr><th scope="row"><code>${key}</code></th><td>${shown}</td></tr>`);
  }
  const message =
    settings.showPromotionMessage !== undefined
      ? `<h3>Promotion message (HTML, shown as source)</h3><pre class="source">${escapeHtml(settings.showPromotionMessage)}</pre>`
      : '';
  return rows.length || message
    ? `<section class="settings"><h2>Settings</h2>${rows.length ? `<table>${rows.join('')}</table>` : ''}${message}</section>`
    : '';
}

function problemsOf(problems: string[]): string {
  if (!problems.length) return '';
  const items = problems.map((p) => `<li><span class="warn-mark">⚠</span> ${withCode(p)}</li>`).join('');
  return `<section class="problems" role="alert"><h2>Not everything can be drawn</h2><ul>${items}</ul></section>`;
}

function quote(phrase: string): string {
  return `&#39;${escapeHtml(phrase)}&#39;`;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

// Colours come from the editor's theme; the fallbacks only matter outside VS Code.
/** The preview's own parts: where the banner is, its problems, the sketched conversation, the rotation, the legend and the settings. */
const PREVIEW_STYLE = `
.where, .empty, .note, .filled { color: var(--vscode-descriptionForeground, #999); }
.where { margin: 0 0 12px; }
.note { margin: 4px 12px; font-size: 0.92em; }
.filled { font-size: 0.9em; margin: 4px 0 0; }
.missing { color: var(--vscode-descriptionForeground, #999); }
.warn strong, .note.warn { color: var(--vscode-editorWarning-foreground, #cca700); }
.problems {
  border: 1px solid var(--vscode-inputValidation-warningBorder, #b89500);
  background: var(--vscode-inputValidation-warningBackground, rgba(184,149,0,.1));
  border-radius: 4px; padding: 2px 12px; margin-bottom: 12px;
}
.problems h2 { margin-top: 8px; }
.problems ul, .legend ul { padding-left: 18px; margin: 4px 0 8px; }
.problems li { list-style: none; margin-left: -18px; }
.conversation { padding: 12px 14px 4px; display: flex; flex-direction: column; gap: 8px; }
.line { height: 14px; border-radius: 7px; width: 62%; background: var(--vscode-input-background, #3c3c3c); opacity: .7; }
.line.customer { align-self: flex-end; width: 48%; background: var(--vscode-button-background, #0e639c); opacity: .35; }
.line.short { width: 38%; }
.rotation { display: flex; align-items: center; gap: 5px; padding: 0 14px 6px; font-size: 0.85em; color: var(--vscode-descriptionForeground, #999); }
.dot { width: 6px; height: 6px; border-radius: 50%; background: var(--vscode-descriptionForeground, #999); opacity: .5; }
.dot.current { opacity: 1; background: var(--vscode-button-background, #0e639c); }
.rotation-text { margin-left: 6px; }
.minimised {
  display: flex; justify-content: space-between; margin: 8px 10px 0; padding: 6px 12px; border-radius: 10px;
  background: var(--vscode-button-secondaryBackground, #3a3d41); color: var(--vscode-button-secondaryForeground, #fff);
}
.legend li { margin: 3px 0; }
.legend li.ok::marker { content: '✓ '; color: var(--vscode-testing-iconPassed, #73c991); }
.legend li.warn::marker { content: '✗ '; color: var(--vscode-editorWarning-foreground, #cca700); }
.legend ul.findings { margin: 2px 0 4px; padding-left: 16px; }
.legend li.finding { list-style: none; font-size: 0.92em; color: var(--vscode-descriptionForeground, #999); }
.legend li.finding.error code { color: var(--vscode-editorError-foreground, #f48771); }
.settings table { border-collapse: collapse; }
.settings th { text-align: left; font-weight: normal; padding: 2px 12px 2px 0; }
pre.source {
  white-space: pre-wrap; overflow-wrap: anywhere; padding: 8px; border-radius: 4px; margin: 0;
  font-family: var(--vscode-editor-font-family, monospace);
  background: var(--vscode-textCodeBlock-background, rgba(127,127,127,.15));
}
`;
