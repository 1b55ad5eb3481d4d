// banner-schema: the data of a Send Event node for a banner event is not a banner payload.
import * as jsonc from 'jsonc-parser';
import { bannerPayloadsOf } from '../../analysis/exitPhrases';
import { schemaProblems } from '../../schemas/problems';
import { validateAgainst } from '../../schemas/schemas';
import { didYouMeanFixes, schemaMismatch } from '../fixes';
import { defineFileRule } from '../rule';

export const bannerSchema = defineFileRule({
  code: 'banner-schema',
  severity: 'error',
  scope: 'file',
  description: 'The data of a Send Event node for a banner event is not a valid banner payload.',
  explanation:
    'The chat widget draws only the payload shapes it knows: a button without `text` or `url` does nothing when clicked, and a misspelt property is ignored. The customer then has no way to leave the live agent.',
  kinds: ['journey', 'function'],
  fixable: true,
  messages: {
    mismatch: ({ problem }: { problem: string; suggestion?: string }) => problem,
  },
  check(file, report) {
    if (file.syntaxProblems.length > 0) return;
    for (const { payload } of bannerPayloadsOf(file)) {
      // A function file has no JSON tree: its payload's tree is built from the JavaScript literal.
      const value = file.kind === 'function' ? jsonc.getNodeValue(payload.node) : file.valueAt(payload.node);
      const errors = validateAgainst('banner', value);
      if (!errors.length) continue;
      for (const problem of schemaProblems(errors, payload.node, 'the banner payload')) report(schemaMismatch(problem));
    }
  },
  fixes({ file, finding }) {
    return finding.data.suggestion ? didYouMeanFixes(file, finding, finding.data.suggestion) : [];
  },
});
