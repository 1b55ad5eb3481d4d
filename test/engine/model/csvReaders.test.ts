// Kind: the readers of Studio's bulk exports (the CSV table, the Translations and FAQs exports) on
// hostile files: a byte order mark, CRLF and mixed line breaks, quoted commas, quotes and line
// breaks, a missing column, an empty file, UTF-16 read as UTF-8, other delimiters, 100,000 rows,
// and text in Devanagari, Arabic and Tamil, each cell found at its exact offset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from '../../../server/src/engine';
import { offsetInCell, readCsvTable, type CsvTable } from '../../../server/src/engine/model/csvTable';
import { readFaqs } from '../../../server/src/engine/model/faqs';
import { languageOf } from '../../../server/src/engine/model/languages';
import { readTranslations, type Translations } from '../../../server/src/engine/model/translations';

const hi = languageOf('hi')!;
const en = languageOf('en')!;
const ar = languageOf('ar')!;
const ta = languageOf('ta')!;

function ok<T extends { ok: boolean }>(read: T): Extract<T, { ok: true }> {
  assert.ok(read.ok, `read: ${JSON.stringify(read)}`);
  return read as Extract<T, { ok: true }>;
}

/** The text at a range. */
const at = (text: string, range: { offset: number; length: number }) => text.slice(range.offset, range.offset + range.length);

describe('the CSV table', () => {
  it('reads cells with their offsets, quoted commas, quotes and line breaks included', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",\r\n';
    const table = ok(readCsvTable(text));
    assert.deepEqual(
      table.header.cells.map((c) => c.value),
      ['a', 'b', 'c'],
    );
    const [first, second] = table.records;
    assert.deepEqual(
      first.cells.map((c) => c.value),
      ['1', 'x, y', 'say "hi"'],
    );
    assert.equal(at(text, first.cells[1]), 'x, y');
    assert.equal(at(text, first.cells[2]), 'say ""hi""');
    // The value's `"` is the text's `""`: the offset of `hi` in the value maps past it.
    assert.equal(offsetInCell(text, first.cells[2], 5), text.indexOf('hi""'));
    assert.deepEqual(
      second.cells.map((c) => c.value),
      ['2', 'two\r\nlines', ''],
    );
    assert.deepEqual([first.row, second.row], [2, 3]);
    assert.equal(at(text, first), '1,"x, y","say ""hi"""');
  });

  it('takes a byte order mark, LF, CR and CRLF mixed, and skips blank lines', () => {
    const text = '\ufeffa,b\n\n1,2\r3,4\r\n\r\n5,6';
    const table = ok(readCsvTable(text));
    assert.equal(table.header.cells[0].offset, 1);
    assert.deepEqual(
      table.records.map((r) => [r.row, r.cells.map((c) => c.value)]),
      [
        [2, ['1', '2']],
        [3, ['3', '4']],
        [4, ['5', '6']],
      ],
    );
  });

  it('keeps a stray quote inside an unquoted cell, and text after a closing quote', () => {
    const table = ok(readCsvTable('a,b\n5 o"clock,"x"y\n'));
    assert.deepEqual(
      table.records[0].cells.map((c) => c.value),
      ['5 o"clock', 'xy'],
    );
  });

  it('says where a quote is never closed, and that an empty file is empty', () => {
    const unclosed = readCsvTable('a,b\n1,2\n3,"open\n4,5\n');
    assert.deepEqual(unclosed, {
      ok: false,
      problem: 'a quote opened on line 3 is never closed, so the rest of the file is one cell',
      range: { offset: 10, length: 5 },
    } satisfies CsvTable);
    for (const empty of ['', '\ufeff', '\r\n\r\n'])
      assert.deepEqual(readCsvTable(empty), {
        ok: false,
        problem: 'it is empty: the export starts with a header row',
        range: { offset: 0, length: 0 },
      });
  });

  it('says UTF-16 read as UTF-8 is not text, and reads it once decoded', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,english_text\r\nexit,Exit\r\n', 'utf16le')]);
    const misread = readCsvTable(bytes.toString('utf8'));
    assert.equal(misread.ok, false);
    assert.match((misread as { problem: string }).problem, /UTF-16 text read as UTF-8/);
    const table = ok(readTranslations(decodeText(bytes)));
    assert.equal(table.byKey.get('exit')?.text(en)?.value, 'Exit');
  });

  it('takes a semicolon or a tab when that makes the header the one expected', () => {
    for (const delimiter of [';', '\t']) {
      const text = `name${delimiter}english_text${delimiter}hindi_text\r\nexit${delimiter}Exit, now${delimiter}बाहर\r\n`;
      const read = ok(readTranslations(text));
      assert.equal(read.byKey.get('exit')?.text(en)?.value, 'Exit, now');
      assert.equal(read.byKey.get('exit')?.text(hi)?.value, 'बाहर');
    }
  });

  it('reads 100,000 rows', () => {
    const lines = ['name,english_text,hindi_text,tamil_text'];
    for (let i = 0; i < 100_000; i++) lines.push(`key_${i},"Type 'talk to bot', ${i}",कृपया 'बॉट से बात करें' ${i},'போட்டுடன் பேசு' ${i}`);
    const text = lines.join('\r\n');
    const read = ok(readTranslations(text));
    assert.equal(read.rows.length, 100_000);
    const last = read.byKey.get('key_99999')!;
    assert.equal(last.row, 100_001);
    assert.equal(at(text, last.text(ta)!), "'போட்டுடன் பேசு' 99999");
    assert.equal(at(text, last.text(en)!), "Type 'talk to bot', 99999");
  });
});

describe("Studio's Translations export", () => {
  it('maps language columns to codes, whatever the case, spaces or order of the header', () => {
    const text =
      '\ufeffHindi Text,NAME, english_text ,Arabic_Text,tamil_text,french_canada_text,hi_text,description\r\nexit,exit_title,Exit,خروج,வெளியேறு,Sortie,x,notes\r\n';
    const read = ok(readTranslations(text));
    assert.deepEqual(
      read.columns.map((c) => [c.language.code, c.index]),
      [
        ['hi', 0],
        ['en', 2],
        ['ar', 3],
        ['ta', 4],
        ['fr-CA', 5],
      ],
    );
    const row = read.byKey.get('exit_title')!;
    assert.equal(row.text(hi)?.value, 'exit');
    assert.equal(at(text, row.text(ar)!), 'خروج');
    assert.equal(at(text, row.text(ta)!), 'வெளியேறு');
    assert.equal(row.text(languageOf('ja')!), undefined);
    assert.deepEqual(read.unknownColumns, []);
  });

  it('lists the *_text columns that name no language', () => {
    const read = ok(readTranslations('name,english_text,hindhi_text,klingon_text\nk,a,b,c\n'));
    assert.deepEqual(
      read.unknownColumns.map((c) => c.value),
      ['hindhi_text', 'klingon_text'],
    );
  });

  it('gives an empty text for a row cut short, and skips rows without a key', () => {
    const text = 'name,english_text,hindi_text\nexit,Exit\n,orphan,x\n  ,blank,y\n';
    const read = ok(readTranslations(text));
    assert.deepEqual(
      read.rows.map((r) => r.key),
      ['exit'],
    );
    const cell = read.byKey.get('exit')!.text(hi)!;
    assert.equal(cell.value, '');
    assert.equal(cell.offset, text.indexOf('Exit') + 4);
  });

  it('says which column is missing, in one sentence', () => {
    const missing = readTranslations('name,hindi_text\nexit,बाहर\n');
    assert.deepEqual(missing, {
      ok: false,
      problem:
        "it has no column `english_text` (header names are compared without case, spaces or `_`); Studio's Translations export has `name`, `english_text` and one `<language>_text` column per other language (such as `hindi_text`)",
      range: { offset: 0, length: 'name,hindi_text'.length },
    } satisfies Translations);
    const other = readTranslations('Utterance,Journey,Tag\n');
    assert.equal(other.ok, false);
    assert.match((other as { problem: string }).problem, /^its header is not that of Studio's Translations export/);
  });

  it('never throws on random text', () => {
    let seed = 3;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const alphabet = ['"', ',', ';', '\t', '\r', '\n', 'a', 'é', 'ह', 'ع', 'த', '\ufeff', ' ', '""'];
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(next() * 60) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      readTranslations(text);
      readFaqs(text);
    }
  });
});

describe("Studio's FAQs export", () => {
  it('reads questions and variations, one a line, with their ranges', () => {
    const text =
      '"category","question","variations","answer_en","answer_hi"\r\n' +
      'support,How do I reset my password?,"reset password\r\nforgot password",Use the link.,लिंक का उपयोग करें\r\n' +
      'support,"बॉट से बात करें",,x,y\r\n' +
      'support,,   ,x,y\r\n';
    const read = ok(readFaqs(text));
    assert.deepEqual(
      read.answerColumns.map((c) => c.language.code),
      ['en', 'hi'],
    );
    assert.deepEqual(
      read.rows.map((r) => [r.row, r.phrases.map((p) => [p.kind, p.value, at(text, p)])]),
      [
        [
          2,
          [
            ['question', 'How do I reset my password?', 'How do I reset my password?'],
            ['variation', 'reset password', 'reset password'],
            ['variation', 'forgot password', 'forgot password'],
          ],
        ],
        [3, [['question', 'बॉट से बात करें', 'बॉट से बात करें']]],
      ],
    );
  });

  it('says which column is missing, and lists answer columns of no known code', () => {
    const missing = readFaqs('category,variations,answer_en\nx,y,z\n');
    assert.equal(missing.ok, false);
    assert.match((missing as { problem: string }).problem, /^it has no column "question"/);
    const read = ok(readFaqs('category,question,answer_en,answer_hn\nx,y,z,w\n'));
    assert.deepEqual(
      read.unknownColumns.map((c) => c.value),
      ['answer_hn'],
    );
  });
});
