// The output formats of `handoff-kit check`: text for people, JSON for scripts, SARIF for code
// scanning, GitHub workflow commands for annotations. Every format turns the engine's offsets
// into lines and columns the same way (`located`), and none prints text from a bot file raw.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_BASE_URL, docsPathOf, rules, type BotWorkspace, type Finding, type Severity } from '../engine';

/** The formats `--format` takes. */
export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * The most UTF-16 code units a piece of output holds. A format gives its text in pieces: the
 * output of a million findings is larger than the longest string V8 makes (2^29 - 24 code units,
 * about 512 MB: `check --format json` of two 2 MB files of non-string utterances stopped with
 * "Invalid string length" and printed nothing), and one string of it all doubled the memory.
 */
export const OUTPUT_PIECE_LENGTH = 1 << 20;

/**
 * `head`, then `item(i)` for each i below `count` separated by `separator`, then `tail`, as
 * pieces of about OUTPUT_PIECE_LENGTH (an item is never split), each made when asked for: a
 * caller that writes each before asking for the next holds one piece of the output at a time.
 */
export function* inPieces(count: number, item: (i: number) => string, { head = '', separator = '', tail = '' } = {}): Generator<string, void> {
  let current = head;
  for (let i = 0; i < count; i++) {
    const text = (i ? separator : '') + item(i);
    if (current.length + text.length > OUTPUT_PIECE_LENGTH && current) {
      yield current;
      current = '';
    }
    current += text;
  }
  current += tail;
  if (current) yield current;
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it at a depth of `indent` spaces: its lines
 * after the first indented that much more (JSON strings hold no line break).
 */
function indentedJson(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** The items `JSON.stringify(array, null, 2)` writes for an array at a depth of `indent` spaces, in pieces. */
function jsonArrayInPieces(count: number, item: (i: number) => unknown, indent: string, tail: string): Iterable<string> {
  if (!count) return [`[]${tail}`];
  const inner = `${indent}  `;
  return inPieces(count, (i) => inner + indentedJson(item(i), inner), { head: '[\n', separator: ',\n', tail: `\n${indent}]${tail}` });
}

/** A finding with its range as 0-based lines and UTF-16 characters, and its file relative to `cwd`. */
export interface LocatedFinding {
  readonly finding: Finding;
  /** The file relative to the folder the command runs in, with `/` (absolute when outside it). */
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
  readonly related: readonly { readonly file: string; readonly start: Position; readonly end: Position; readonly message: string }[];
}

interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 character in the line. */
  readonly character: number;
}

/** Turns findings' offsets into positions, reading each file's text from the workspace once. */
export function locate(findings: readonly Finding[], workspace: BotWorkspace, cwd: string): LocatedFinding[] {
  const documents = new Map<string, TextDocument>();
  // One display path per file, not one string per finding (a file may have a million findings).
  const paths = new Map<string, string>();
  const pathOf = (file: string) => {
    let shown = paths.get(file);
    if (shown === undefined) paths.set(file, (shown = displayPath(cwd, file)));
    return shown;
  };
  const documentOf = (file: string) => {
    let document = documents.get(file);
    if (!document) {
      const text = workspace.projectOf(file)?.file(file)?.text ?? '';
      document = TextDocument.create(file, 'json', 0, text);
      documents.set(file, document);
    }
    return document;
  };
  return findings.map((finding) => {
    const document = documentOf(finding.file);
    return {
      finding,
      file: pathOf(finding.file),
      start: document.positionAt(finding.offset),
      end: document.positionAt(finding.offset + finding.length),
      related: finding.related?.length
        ? finding.related.map((r) => {
            const other = documentOf(r.file);
            return { file: pathOf(r.file), start: other.positionAt(r.offset), end: other.positionAt(r.offset + r.length), message: r.message };
          })
        : NO_RELATED,
    };
  });
}

const NO_RELATED: LocatedFinding['related'] = [];

/**
 * Findings kept by `--cache` (cache.ts), each with its ranges already in lines and characters,
 * as `locate` gives them: no file is read.
 */
export function fromCache(
  cached: readonly { finding: Finding; start: Position; end: Position; related: readonly { start: Position; end: Position }[] }[],
  cwd: string,
): LocatedFinding[] {
  return cached.map(({ finding, start, end, related }) => ({
    finding,
    file: displayPath(cwd, finding.file),
    start,
    end,
    related: (finding.related ?? []).map((r, i) => ({
      file: displayPath(cwd, r.file),
      start: related[i].start,
      end: related[i].end,
      message: r.message,
    })),
  }));
}

/** A path as the command line prints it: relative to `cwd` with `/`, or absolute when outside it. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file).split(path.sep).join('/');
}

/**
 * Text from a bot file made safe for a terminal or a CI log: C0 and C1 control characters (ANSI
 * escapes, `\r` that rewinds a line, `\n` that forges one), DEL, and the Unicode line separators
 * and bidirectional overrides (which reorder what is shown) are written as visible escapes:
 * `\n`, `\r`, `\t`, else `\u001b`-style.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** One line per finding: `file:line:column severity code message` (1-based line and column), in pieces (see `inPieces`). */
export function formatText(located: readonly LocatedFinding[]): Iterable<string> {
  return inPieces(located.length, (i) => {
    const { finding, file, start } = located[i];
    return `${escapeControls(file)}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.code} ${escapeControls(finding.message)}\n`;
  });
}

/**
 * A JSON array: file, 0-based range, severity, code, message (JSON escapes every control
 * character), as `JSON.stringify(rows, null, 2)` writes it, in pieces (see `inPieces`).
 */
export function formatJson(located: readonly LocatedFinding[]): Iterable<string> {
  return jsonArrayInPieces(
    located.length,
    (i) => {
      const { finding, file, start, end } = located[i];
      return { file, range: { start, end }, severity: finding.severity, code: finding.code, message: finding.message };
    },
    '',
    '\n',
  );
}

const githubCommands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, one per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>` (1-based; warning
 * → `::warning`, info and hint → `::notice`). Escaped as the runner unescapes them
 * (actions/toolkit `command.ts`): `%`, `\r`, `\n` in the message; also `:` and `,` in properties.
 * Other control characters are written as visible escapes first, so no ANSI escape reaches the log.
 */
export function formatGithub(located: readonly LocatedFinding[]): Iterable<string> {
  return inPieces(located.length, (i) => {
    const { finding, file, start, end } = located[i];
    const properties = [
      `file=${escapeProperty(file)}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(finding.code)}`,
    ].join(',');
    return `::${githubCommands[finding.severity]} ${properties}::${escapeData(finding.message)}\n`;
  });
}

/** A workflow command's message, escaped as the runner unescapes it (see formatGithub). */
export function escapeData(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
  const visible = text.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    escapeControls(c),
  );
  return visible.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value, escaped as the runner unescapes it (see formatGithub). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const sarifLevels: Record<Severity, sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Where the project lives: SARIF's `informationUri`. */
export const INFORMATION_URI = 'https://github.com/handoff-kit/handoff-kit';

/**
 * A SARIF 2.1.0 log with one run: `tool.driver` carries every check of the registry as a
 * reporting descriptor (description, explanation, docs page, default level); each result names
 * its rule by id and index, and its artifact by a URI relative to `%SRCROOT%`, the folder the
 * command ran in (absolute `file:` URIs for files outside it). Regions are 1-based, columns in
 * UTF-16 code units (SARIF's default `columnKind`). As `JSON.stringify(log, null, 2)` writes it,
 * in pieces (see `inPieces`).
 */
export function* formatSarif(located: readonly LocatedFinding[], cwd: string, version: string): Generator<string, void> {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.code, i]));
  const location = (file: string, start: Position, end: Position): sarif.Location => ({
    physicalLocation: {
      artifactLocation:
        file.startsWith('/') || path.isAbsolute(file)
          ? { uri: pathToFileURL(file).href }
          : { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
      region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
    },
  });
  const log: sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'handoff-kit',
            version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule): sarif.ReportingDescriptor => ({
              id: rule.code,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.explanation },
              helpUri: DOCS_BASE_URL + docsPathOf(rule.code),
              defaultConfiguration: { level: sarifLevels[rule.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        // Written in pieces below, in place of this.
        results: [],
      },
    ],
  };
  const result = (i: number): sarif.Result => {
    const { finding, file, start, end, related } = located[i];
    const index = ruleIndex.get(finding.code);
    return {
      ruleId: finding.code,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevels[finding.severity],
      message: { text: finding.message },
      locations: [location(file, start, end)],
      ...(related.length
        ? { relatedLocations: related.map((r, id) => ({ id, ...location(r.file, r.start, r.end), message: { text: r.message } })) }
        : {}),
    };
  };
  const whole = `${JSON.stringify(log, null, 2)}\n`;
  const at = whole.lastIndexOf('"results": []');
  const indent = whole.slice(whole.lastIndexOf('\n', at) + 1, at);
  yield whole.slice(0, at + '"results": '.length);
  yield* jsonArrayInPieces(located.length, result, indent, '');
  yield whole.slice(at + '"results": []'.length);
}
