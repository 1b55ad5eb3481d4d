import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Script } from 'node:vm';
import { renderJourneyGraphHtml } from '../../client/src/journeyGraph/render';

const options = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'bm9uY2Ux' };

describe('journey graph webview HTML', () => {
  const html = renderJourneyGraphHtml(options);

  it('is a complete document with a strict content security policy: its style and script by nonce, nothing else', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<\/html>\s*$/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(
      csp,
      `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; img-src ${options.cspSource} data:; ` +
        `script-src 'nonce-${options.nonce}'`,
    );
    assert.deepEqual(html.match(/<script\b[^>]*>/g), [`<script nonce="${options.nonce}">`]);
    assert.deepEqual(html.match(/<style\b[^>]*>/g), [`<style nonce="${options.nonce}">`]);
  });

  it('loads nothing: no src, href, link or url() anywhere, and no address but the SVG namespace', () => {
    // The policy names the webview's own resource origin; nothing else in the document is an address.
    const body = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.doesNotMatch(body, /\bsrc=|\bhref=|<link\b|@import|url\((?!#)/i);
    assert.deepEqual([...new Set(body.match(/https?:\/\/[^\s"')]+/g))], ['http://www.w3.org/2000/svg']);
    assert.doesNotMatch(html, /\bfetch\(|XMLHttpRequest|WebSocket|importScripts|\beval\(|new Function/);
  });

  it('has a script that parses, and is keyboard-operable: a focusable graph, labelled buttons', () => {
    const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1];
    assert.doesNotThrow(() => new Script(script));
    assert.match(html, /<svg class="graph" tabindex="0" role="group"/);
    assert.match(html, /aria-label="Zoom in"/);
    assert.match(script, /tabindex: 0, role: 'button'/);
    assert.match(script, /case '0': fit\(\)/);
  });

  it('escapes the title', () => {
    const titled = renderJourneyGraphHtml({ ...options, title: '<b>"x"</b>' });
    assert.match(titled, /<title>&lt;b&gt;&quot;x&quot;&lt;\/b&gt;<\/title>/);
  });
});
