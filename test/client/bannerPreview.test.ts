import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderBannerPreviewHtml } from '../../client/src/bannerPreview/render';
import type { BannerPreview, BannerView, ButtonView } from '../../server/src/engine/services/bannerPreview';

const options = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'bm9uY2Ux' };

function previewWith(part: Partial<BannerPreview>): BannerPreview {
  return {
    journey: 'live-agent',
    nodeId: 'show',
    event: 'ui-event-close-promotion',
    offset: 10,
    length: 100,
    shape: 'banner',
    banners: [],
    problems: [],
    ...part,
  };
}

const exit: ButtonView = {
  label: 'Exit',
  action: { kind: 'text', text: 'talk to bot', template: false, intents: ['talk_to_bot'], journeys: ['return-to-bot'], matched: true, findings: [] },
};
const unmatched: ButtonView = {
  label: 'Leave',
  action: { kind: 'text', text: 'talk to the bot', template: false, intents: [], journeys: [], matched: false, findings: [] },
};

function textBanner(title: string, buttons: ButtonView[] = [exit]): BannerView {
  return { kind: 'text', title, titleIsTemplate: false, buttons };
}

function render(part: Partial<BannerPreview>): string {
  return renderBannerPreviewHtml(previewWith(part), options);
}

/** The text of the HTML without its tags, to assert on what the reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/, '')
    .replace(/<\/?(?:p|h\d|li|ul|div|section|table|tr|th|td|pre|title)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}

describe('banner preview HTML', () => {
  it('is a complete document with a strict content security policy and no script', () => {
    const html = render({ banners: [textBanner('Do you want to exit from chat?')] });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<\/html>\s*$/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.equal(
      csp.replace(/&#39;/g, "'"),
      `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; img-src ${options.cspSource} data:`,
    );
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /http:/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no event handler attributes');
    assert.doesNotMatch(html, /\sstyle=/, 'no style attributes (the CSP would block them)');
    assert.equal(html.match(/<style/g)?.length, 1);
    assert.match(html, new RegExp(`<style nonce="${options.nonce}">`));
  });

  it('follows the editor theme', () => {
    const html = render({ banners: [textBanner('Exit?')] });
    for (const variable of [
      '--vscode-editor-background',
      '--vscode-editor-foreground',
      '--vscode-button-background',
      '--vscode-button-foreground',
      '--vscode-input-background',
      '--vscode-editorWarning-foreground',
    ]) {
      assert.ok(html.includes(`var(${variable}`), variable);
    }
  });

  it('draws the guide banner above the chat input, with the button and what it starts', () => {
    const html = render({ banners: [textBanner('Do you want to exit from chat?')] });
    assert.match(html, /class="callout"[\s\S]*Do you want to exit from chat\?[\s\S]*class="composer"/);
    assert.match(html, /<span class="pill">Exit<\/span>/);
    assert.match(visibleText(html), /Exit sends &#39;talk to bot&#39;: starts intent talk_to_bot → journey return-to-bot/);
    assert.match(visibleText(html), /journey live-agent · node show · sent with ui-event-close-promotion · one banner/);
  });

  it('marks a button no intent is trained with', () => {
    const html = render({ banners: [textBanner('Exit?', [unmatched])] });
    assert.match(html, /<span class="pill unmatched"><span class="warn-mark"[^>]*>⚠<\/span> Leave<\/span>/);
    assert.match(visibleText(html), /⚠ no intent is trained with &#39;talk to the bot&#39;: it starts no journey/);
  });

  it('shows the findings on the way, not a green check, when a phrase starts a journey the checks fault (issue 25)', () => {
    const disabled: ButtonView = {
      label: 'Exit',
      action: {
        ...(exit.action as Extract<ButtonView['action'], { kind: 'text' }>),
        findings: [
          {
            code: 'event-disabled',
            severity: 'error',
            message: 'event `ui-event-close-promotion` is disabled in bot.json: it will not fire until it is enabled',
            file: 'journeys/return-to-bot.json',
          },
        ],
      },
    };
    const html = render({ banners: [textBanner('Exit?', [disabled])] });
    assert.doesNotMatch(html, /<li class="ok">/);
    assert.match(html, /<span class="pill unmatched"><span class="warn-mark" aria-label="does not go back to the bot">⚠<\/span> Exit<\/span>/);
    assert.match(
      visibleText(html),
      /Exit sends &#39;talk to bot&#39;: starts intent talk_to_bot → journey return-to-bot ⚠ but not back to the bot event-disabled \(journeys\/return-to-bot\.json\): event ui-event-close-promotion is disabled in bot\.json/,
    );
    assert.match(html, /<li class="finding error"><code>event-disabled<\/code>/);
  });

  it('says when the intent starts no journey, and when a button does nothing', () => {
    const html = render({
      banners: [
        textBanner('Exit?', [
          {
            label: 'Exit',
            action: { kind: 'text', text: 'talk to bot', template: false, intents: ['talk_to_bot'], journeys: [], matched: true, findings: [] },
          },
          { label: 'Nothing', action: { kind: 'none' } },
        ]),
      ],
    });
    assert.match(visibleText(html), /starts intent talk_to_bot ⚠ which no journey is triggered by/);
    assert.match(visibleText(html), /Nothing ⚠ does nothing/);
    assert.match(html, /class="pill unmatched"[^>]*>.*Nothing/);
  });

  it('draws a typed-phrase banner and what the phrase starts', () => {
    const html = render({
      banners: [
        {
          kind: 'text',
          title: "Do you want to exit from chat? Please type 'talk to bot'",
          titleIsTemplate: false,
          buttons: [],
          typedPhrase: { phrase: 'talk to bot', intents: ['talk_to_bot'], journeys: ['return-to-bot'], matched: true, findings: [] },
        },
      ],
    });
    assert.match(html, /Please type &#39;talk to bot&#39;<\/p>/);
    assert.doesNotMatch(html, /class="buttons"/);
    assert.match(visibleText(html), /The customer types &#39;talk to bot&#39;: starts intent talk_to_bot → journey return-to-bot/);
  });

  it('draws link buttons and a stack of banners in rotation', () => {
    const html = render({
      shape: 'array',
      banners: [
        textBanner('First'),
        textBanner('Second', [{ label: 'Help', action: { kind: 'url', url: 'https://example.com/help', template: false } }]),
      ],
    });
    assert.match(html, /<span class="position">1 \/ 2<\/span>[\s\S]*First[\s\S]*<span class="position">2 \/ 2<\/span>[\s\S]*Second/);
    assert.match(html, /class="pill link">Help/);
    assert.match(visibleText(html), /2 banners, shown one at a time/);
    assert.match(visibleText(html), /Banner 2 Help opens https:\/\/example\.com\/help/);
    assert.match(visibleText(html), /banners in rotation/);
  });

  it('draws legacy banners with their rotation and the promotion message as source', () => {
    const html = render({
      shape: 'legacy',
      banners: [textBanner('One'), textBanner('Two')],
      settings: { autoPlay: true, autoPlaySpeed: 4000, hide: true, showPromotionMessage: '<b onclick="x()">Offers</b><script>alert(1)</script>' },
    });
    assert.match(visibleText(html), /2 banners, rotating every 4 s/);
    assert.match(html, /<pre class="source">&lt;b onclick=&quot;x\(\)&quot;&gt;Offers&lt;\/b&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/pre>/);
    assert.doesNotMatch(html, /<b onclick|<script/);
    assert.match(visibleText(html), /hide: true: the banner bar is hidden/);
  });

  it('draws dynamic text and image banners, minimised when the settings say so', () => {
    const html = render({
      shape: 'dynamic',
      event: 'ui-event-update-promotion',
      banners: [
        textBanner('Exit?'),
        { kind: 'image', imageURL: 'https://cdn.example.com/banner.png?a=1&b=2', linkURL: 'https://example.com/offer' },
        { kind: 'image', imageURL: 'http://insecure.example.com/b.png' },
        { kind: 'image', imageURL: '{{{variables.image}}}' },
      ],
      settings: { state: 'close', textOnMinimise: 'Need help?' },
    });
    // Remote images are off by default: a placeholder names the URL, and the CSP allows no https: image.
    assert.doesNotMatch(html, /<img /);
    assert.match(
      visibleText(html),
      /Image https:\/\/cdn\.example\.com\/banner\.png\?a=1&amp;b=2 is not loaded: remote images load only when the setting handoffKit\.preview\.loadRemoteImages is on/,
    );
    const allowed = renderBannerPreviewHtml(
      previewWith({
        banners: [
          { kind: 'image', imageURL: 'https://cdn.example.com/banner.png?a=1&b=2' },
          { kind: 'image', imageURL: 'http://insecure.example.com/b.png' },
        ],
      }),
      { ...options, loadRemoteImages: true },
    );
    assert.match(allowed, /<img src="https:\/\/cdn\.example\.com\/banner\.png\?a=1&amp;b=2" alt="The banner image">/);
    assert.equal(allowed.match(/<img /g)?.length, 1, 'no image over http');
    assert.match(allowed, /img-src [^;"]* https: data:/);
    assert.match(visibleText(html), /A click on the image opens https:\/\/example\.com\/offer/);
    assert.match(visibleText(html), /is not shown: the preview loads images over https only/);
    assert.match(html, /<code class="template">\{\{\{variables\.image\}\}\}<\/code>, filled in when sent/);
    assert.match(html, /class="minimised"><span>Need help\?<\/span>/);
    assert.match(visibleText(html), /Starts minimised/);
  });

  it('shows templates as such, never as mismatches', () => {
    const html = render({
      banners: [
        {
          kind: 'text',
          title: 'Hello {{{variables.name}}}',
          titleIsTemplate: true,
          buttons: [
            {
              label: 'Exit',
              action: { kind: 'text', text: '{{{variables.exit}}}', template: true, intents: [], journeys: [], matched: false, findings: [] },
            },
          ],
        },
        { kind: 'text', title: 'More', titleIsTemplate: false, buttons: [], optionsTemplate: '{{{variables.options}}}' },
      ],
      shape: 'array',
    });
    assert.match(html, /Hello <code class="template">\{\{\{variables\.name\}\}\}<\/code>/);
    assert.match(html, /class="pill template">Exit/);
    assert.doesNotMatch(html, /class="pill unmatched"|no intent is trained/);
    assert.match(visibleText(html), /Buttons: \{\{\{variables\.options\}\}\}, filled in when sent/);
    const whole = render({ shape: 'template', template: '{{{variables.banner}}}' });
    assert.match(visibleText(whole), /The whole banner is the template \{\{\{variables\.banner\}\}\}, filled in when the event is sent/);
    const list = render({ shape: 'legacy', bannersTemplate: '{{{variables.banners}}}', settings: { autoPlay: '{{variables.rotate}}' } });
    assert.match(visibleText(list), /The banners are the template \{\{\{variables\.banners\}\}\}/);
    assert.match(html + list, /<th scope="row"><code>autoPlay<\/code><\/th><td><code class="template">\{\{variables\.rotate\}\}<\/code>/);
  });

  it('escapes every text it draws', () => {
    const attack = '<img src=x onerror=alert(1)>';
    const html = renderBannerPreviewHtml(
      previewWith({
        journey: attack,
        nodeId: attack,
        banners: [
          textBanner(attack, [
            {
              label: attack,
              action: { kind: 'text', text: attack, template: false, intents: [attack], journeys: [attack], matched: true, findings: [] },
            },
            { label: 'Go', action: { kind: 'url', url: `https://x/"${attack}`, template: false } },
          ]),
          { kind: 'image', imageURL: `https://x/"><script>alert(1)</script>`, linkURL: attack },
        ],
        settings: { textOnMinimise: attack, state: 'close', showPromotionMessage: attack },
        problems: [`\`title\` is ${attack}`],
      }),
      { ...options, title: attack, loadRemoteImages: true },
    );
    assert.doesNotMatch(html, /<img src=x/);
    assert.doesNotMatch(html, /<script/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.match(html, /<img src="https:\/\/x\/&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;" alt="The banner image">/);
    assert.match(html, /<code>title<\/code> is &lt;img/, 'problems keep their code and escape the rest');
    assert.match(html, /<title>&lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
  });

  it('lists what cannot be drawn', () => {
    const html = render({ banners: [], problems: ['the payload is a number (42), not an object'] });
    assert.match(visibleText(html), /Not everything can be drawn ⚠ the payload is a number \(42\), not an object/);
    assert.match(visibleText(html), /Nothing to show: the payload holds no banner/);
  });

  it('says where to put the cursor when there is no banner', () => {
    const html = renderBannerPreviewHtml(undefined, { ...options, title: 'Banner: j.json' });
    assert.match(html, /Content-Security-Policy/);
    assert.match(visibleText(html), /Banner: j\.json No banner payload here/);
    assert.doesNotMatch(html, /class="widget"/);
  });
});
