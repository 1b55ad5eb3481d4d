import { RuleTester } from '../ruleTester';

const T = 'translations/translations.csv';
const F = 'faqs/faqs.csv';

new RuleTester().run('bulk-file-unreadable', {
  valid: [
    { name: 'a Translations export', files: { [T]: 'name,english_text,hindi_text\r\nexit_title,Exit,बाहर निकलें\r\n' } },
    { name: 'a Translations export with only its header', files: { [T]: 'name,english_text\r\n' } },
    { name: 'an FAQs export, header names in quotes', files: { [F]: '"category","question","variations","answer_en"\r\nx,How?,,Like so.\r\n' } },
    { name: 'columns that are no language columns are left alone', files: { [T]: 'name,english_text,description\r\nk,a,notes\r\n' } },
  ],
  invalid: [
    {
      name: 'a test report in translations/',
      files: { [T]: 'Utterance,Predicted Journey,Journey,Status\r\ntalk to bot,a,b,success\r\n' },
      errors: [
        {
          messageId: 'unreadable',
          message:
            "not read as Studio's Translations export: its header is not that of Studio's Translations export: expected `name`, `english_text` and one `<language>_text` column per other language (such as `hindi_text`)",
          at: 'Utterance,Predicted Journey,Journey,Status',
        },
      ],
    },
    {
      name: 'a missing column, in one finding on the header',
      files: { [T]: 'name,hindi_text\r\nexit,बाहर\r\n' },
      errors: [
        { messageId: 'unreadable', message: /^not read as Studio's Translations export: it has no column `english_text`/, at: 'name,hindi_text' },
      ],
    },
    {
      name: 'an empty file',
      files: { [F]: '' },
      errors: [
        {
          messageId: 'unreadable',
          message: "not read as Studio's FAQs export: it is empty: the export starts with a header row",
          data: { kind: 'FAQs', reason: 'it is empty: the export starts with a header row' },
          offset: 0,
          length: 0,
        },
      ],
    },
    {
      name: 'a quote never closed',
      files: { [F]: 'category,question\r\nx,"How\r\n' },
      errors: [
        {
          messageId: 'unreadable',
          message: "not read as Studio's FAQs export: a quote opened on line 2 is never closed, so the rest of the file is one cell",
          at: '"How',
        },
      ],
    },
    {
      name: 'a misspelt language column; the fix renames it',
      files: { [T]: 'name,english_text,hindii_text\r\nexit,Exit,बाहर\r\n' },
      errors: [
        {
          messageId: 'unknownColumn',
          message: 'column `hindii_text` names no language the platform lists, so its texts are not read; did you mean `hindi_text` (Hindi (hi))?',
          data: { column: 'hindii_text', suggestion: 'hindi_text', language: 'Hindi (hi)' },
          at: 'hindii_text',
        },
      ],
      output: { [T]: 'name,english_text,hindi_text\r\nexit,Exit,बाहर\r\n' },
    },
    {
      name: 'an answer column of no known code, in quotes; the fix keeps the quotes',
      files: { [F]: '"category","question","answer_en","answer_tamill"\r\nx,y,z,w\r\n' },
      errors: [
        { messageId: 'unknownColumn', data: { column: 'answer_tamill', suggestion: 'answer_ta', language: 'Tamil (ta)' }, at: 'answer_tamill' },
      ],
      output: { [F]: '"category","question","answer_en","answer_ta"\r\nx,y,z,w\r\n' },
    },
    {
      name: 'a column no language is near',
      files: { [T]: 'name,english_text,klingon_text\r\n' },
      errors: [
        {
          messageId: 'unknownColumn',
          message: 'column `klingon_text` names no language the platform lists, so its texts are not read',
          data: { column: 'klingon_text' },
          at: 'klingon_text',
        },
      ],
    },
  ],
});
