// The guide's banners as snippets, where a Send Event node's data is still to be written (`"data": {}`): the snippet
// the extension contributes (snippets/bot-files.json), inserted by name as "Insert Snippet" does, writes the guide's
// payload; and the language server's completion there offers the same banner with the exit phrase a choice of the
// utterances the project is trained on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForCode, waitForNoCode } from '../support/diagnostics';
import { completionsAt, describeRange, labelOf, rangeOf, waitForExtension, waitForText } from '../support/language';
import { openFile, replaceText, revertAndCloseAll } from '../support/workspace';

const journey = 'navigation-bot/journeys/live-agent.json';
const payload = '"data": { "title": "You\'re chatting with an agent", "options": [{ "title": "Back to bot", "text": "talk to bot" }] }';
const emptyData = '"data": {}';
const snippetName = 'Banner with an Exit button';

/** The banner of step 2 of the guide ("Enable user-initiated chat disconnection"). */
const guideBanner = { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] };

/** Every utterance of navigation-bot's intents (help, talk_to_agent, talk_to_bot). */
const utterances = ['help', 'what can you do', 'talk to an agent', 'I need a human', 'talk to bot', 'back to bot'];

/** The snippet as the installed extension contributes it (package.json `contributes.snippets`). */
async function contributedSnippet(name: string): Promise<{ prefix: string; body: string[] }> {
  const extension = vscode.extensions.getExtension('handoff-kit.handoff-kit');
  assert.ok(extension, 'handoff-kit.handoff-kit is not installed');
  const contributions: { language: string; path: string }[] = extension.packageJSON.contributes?.snippets ?? [];
  const json = contributions.find((c) => c.language === 'json');
  assert.ok(json, `the extension contributes no json snippets: ${JSON.stringify(contributions)}`);
  const file = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, json.path))).toString('utf8'));
  assert.ok(file[name], `${json.path} has no snippet named "${name}"; it has ${Object.keys(file).join(', ')}`);
  return file[name];
}

/** The body with its placeholders at their defaults (`${1:Exit}` → `Exit`), as inserting and leaving the snippet gives it. */
function withDefaults(body: string): string {
  return body
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** Opens the journey with its banner payload replaced by `"data": {}`, once the server reports the empty banner. */
async function openWithEmptyData(): Promise<vscode.TextEditor> {
  const editor = await openFile(journey);
  await replaceText(editor.document, payload, emptyData);
  // A banner without a title is a banner-schema error: once it is reported, the server has the edited text.
  await waitForCode(editor.document.uri, 'banner-schema');
  return editor;
}

/** The `{}` of `"data": {}`. */
function emptyObjectRange(document: vscode.TextDocument): vscode.Range {
  const data = rangeOf(document, emptyData);
  return new vscode.Range(data.end.translate(0, -2), data.end);
}

/** The text of the `data` value that starts at `start`, up to its matching brace. */
function objectTextAt(document: vscode.TextDocument, start: vscode.Position): string {
  const text = document.getText();
  const from = document.offsetAt(start);
  assert.equal(text[from], '{', `no object at ${start.line + 1}:${start.character + 1}`);
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(from, i + 1);
  }
  assert.fail(`the object at ${start.line + 1}:${start.character + 1} is not closed`);
}

describe('banner snippets', () => {
  before(waitForExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('leaveSnippet');
    await revertAndCloseAll();
  });

  it(`"Insert Snippet" with the contributed "${snippetName}" writes the guide's banner into "data": {}`, async () => {
    const editor = await openWithEmptyData();
    const document = editor.document;
    const target = emptyObjectRange(document);
    const indentation = document.lineAt(target.start.line).text.match(/^\s*/)![0];
    editor.selection = new vscode.Selection(target.start, target.end);

    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'json', name: snippetName });
    await waitForText(document, 'the snippet is inserted', (text) => !text.includes(emptyData));

    const inserted = objectTextAt(document, target.start);
    // Inserted as contributed: its lines after the first are indented like the line it goes into.
    const { body } = await contributedSnippet(snippetName);
    assert.equal(inserted, withDefaults(body.join(`\n${indentation}`)), 'the inserted text is not the contributed snippet with its defaults');
    assert.deepEqual(JSON.parse(inserted), guideBanner, "the inserted payload is not the guide's banner");
    await waitForNoCode(document.uri, 'banner-schema');
  });

  it(`completion inside "data": {} offers "${snippetName}" with the exit phrase a choice of the project's utterances`, async () => {
    const editor = await openWithEmptyData();
    const document = editor.document;
    const target = emptyObjectRange(document);
    const items = await completionsAt(document.uri, target.start.translate(0, 1));
    const item = items.find((i) => labelOf(i) === snippetName);
    assert.ok(item, `"${snippetName}" is not offered inside "data": {}; offered: ${items.map(labelOf).join(', ') || '(none)'}`);
    assert.equal(item.kind, vscode.CompletionItemKind.Snippet, `"${snippetName}" is offered as a ${vscode.CompletionItemKind[item.kind!]}`);
    assert.ok(item.insertText instanceof vscode.SnippetString, `"${snippetName}" inserts plain text: ${JSON.stringify(item.insertText)}`);

    // The text stop of the button is a choice (`${3|a,b|}`) of every utterance of the project.
    const snippet = item.insertText.value;
    const choice = /"text": "\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}"/.exec(snippet);
    assert.ok(choice, `the button's text is no choice in:\n${snippet}`);
    const offered = choice[2].split(/(?<!\\),/).map((c) => c.replace(/\\(.)/g, '$1'));
    assert.deepEqual([...offered].sort(), [...utterances].sort(), `the choices of the exit phrase: ${offered.join(' | ')}`);

    // It replaces the whole `{}`, so that accepting it leaves valid JSON.
    const range = item.range && ('replacing' in item.range ? item.range.replacing : item.range);
    assert.ok(range?.isEqual(target), `"${snippetName}" replaces ${range ? describeRange(document, range) : 'nothing'}, not the {} of "data"`);
  });

  it('accepting that completion writes a valid banner whose button sends the first utterance offered', async () => {
    const editor = await openWithEmptyData();
    const document = editor.document;
    const target = emptyObjectRange(document);
    const item = (await completionsAt(document.uri, target.start.translate(0, 1))).find((i) => labelOf(i) === snippetName);
    assert.ok(item && item.insertText instanceof vscode.SnippetString, `"${snippetName}" is not offered as a snippet`);
    const first = /\$\{\d+\|((?:[^,|\\]|\\.)*)/.exec(item.insertText.value)?.[1];

    // What the suggest widget does with a snippet item: insert it over its range.
    assert.ok(await editor.insertSnippet(item.insertText, target), 'the editor refused the snippet');
    await waitForText(document, 'the completion is inserted', (text) => !text.includes(emptyData));
    const data = JSON.parse(objectTextAt(document, target.start));
    assert.deepEqual(data, { ...guideBanner, options: [{ title: 'Exit', text: first }] }, 'the banner the completion wrote');
    await waitForNoCode(document.uri, 'banner-schema');
  });
});
