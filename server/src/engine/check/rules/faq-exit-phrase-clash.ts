// faq-exit-phrase-clash: an FAQ's question or variation is a banner's exit phrase (as
// `exitPhraseMatch` compares), so the customer's click or typed phrase may be answered by the FAQ
// instead of starting the exit journey. Reported on the FAQ's row and at the banner, each with the
// other as related information.
import { relativePath } from '../../model/botFile';
import { describeFaq, exitPlacesByPhrase, exitPlacesIn, faqsByPhrase } from '../../analysis/faqClashes';
import { faqsOf } from '../../model/faqs';
import { phraseKey } from '../../phrases/phraseMatch';
import { defineProjectRule } from '../rule';

export const faqExitPhraseClash = defineProjectRule({
  code: 'faq-exit-phrase-clash',
  severity: 'warning',
  scope: 'project',
  description: "An FAQ's question or variation is a banner's exit phrase, so the FAQ may answer the customer's exit.",
  explanation:
    "Studio predicts FAQs and intents together (its utterance report flags clashes across intents and FAQs). When an FAQ question equals the phrase a banner sends or asks to type, the customer who clicks Exit may get the FAQ's answer instead of the journey back to the bot, and stay with the live agent.",
  kinds: ['faq', 'journey', 'function'],
  fixable: false,
  messages: {
    atFaq: ({ kind, phrase, row, banners }: { kind: string; phrase: string; row: number; banners: string }) =>
      `the FAQ ${kind} \`${phrase}\` (row ${row}) is also a banner's exit phrase (${banners}): a customer leaving the agent may get this FAQ's answer instead of the exit journey`,
    atBanner: ({ description, faqs }: { description: string; faqs: string }) =>
      `${description} of this banner is also an FAQ (${faqs}): Studio may answer the customer's exit with the FAQ instead of starting the exit journey`,
  },
  check(file, project, report, { phraseMatch }) {
    if (file.kind === 'faq') {
      const faqs = faqsOf(file);
      if (!faqs.ok) return;
      const exits = exitPlacesByPhrase(project, phraseMatch);
      if (!exits.size) return;
      for (const row of faqs.rows) {
        for (const phrase of row.phrases) {
          const places = exits.get(phraseKey(phrase.value, phraseMatch));
          if (!places?.length) continue;
          report({
            offset: phrase.offset,
            length: phrase.length,
            messageId: 'atFaq',
            data: {
              kind: phrase.kind,
              phrase: phrase.value,
              row: row.row,
              banners: [...new Set(places.map((p) => relativePath(project.root, p.file.path)))].join(', '),
            },
            related: places.map((p) => ({ file: p.file.path, ...p.range(), message: `${p.description} of a banner` })),
          });
        }
      }
      return;
    }
    // Most projects keep no FAQs: then nothing else is read (the table, worked out once per
    // generation, read the fact `files` of `faq` only).
    const faqs = faqsByPhrase(project, phraseMatch);
    if (!faqs.size) return;
    for (const place of exitPlacesIn(project, file)) {
      const entries = faqs.get(phraseKey(place.phrase, phraseMatch));
      if (!entries?.length) continue;
      report({
        ...place.range(),
        messageId: 'atBanner',
        data: { description: place.description, faqs: entries.map((e) => describeFaq(project, e)).join('; ') },
        related: entries.map((e) => ({
          file: e.file.path,
          offset: e.phrase.offset,
          length: e.phrase.length,
          message: `the FAQ ${e.phrase.kind} \`${e.phrase.value}\`, ${describeFaq(project, e)}`,
        })),
      });
    }
  },
});
