// unknown-translation-key: function code renders a translation key (`app.renderMessage('<key>', …)`)
// that no translations file defines, so the customer sees the call's fallback, which in the
// platform's own localized banner is empty.
import { localizedUsesOf, projectTranslationsOf } from '../../analysis/translations';
import { hasTemplate } from '../../model/template';
import { closestName } from '../../phrases/suggestions';
import { didYouMeanFix } from '../fixes';
import { defineProjectRule } from '../rule';
import { describeRole, fallbackShown } from '../translationPlaces';

export const unknownTranslationKey = defineProjectRule({
  code: 'unknown-translation-key',
  severity: 'error',
  scope: 'project',
  description: "Function code renders a translation key that no translations file defines, so the customer sees the call's fallback.",
  explanation:
    "`app.renderMessage('<key>', params, fallback)` shows the key's text in the customer's language, and the fallback when the key has no text. The platform's own localized banner gives its titles an empty fallback (`''`): with a misspelt key, the banner asking the customer to type the exit phrase shows no title at all, in every language.",
  kinds: ['function'],
  fixable: true,
  messages: {
    didYouMean: ({ key, suggestion, shown }: { key: string; suggestion: string; role: string; shown: string }) =>
      `no translations file defines the key \`${key}\`; did you mean \`${suggestion}\`? As it is, customers see ${shown}`,
    unknown: ({ key, role, shown }: { key: string; role: string; shown: string }) =>
      `no translations file defines the key \`${key}\`, rendered as ${role}: customers see ${shown}`,
  },
  check(file, project, report) {
    const uses = localizedUsesOf(file);
    if (!uses.length) return;
    // Without a translations file the keys live only in Studio; with one that was not read, a key
    // may be defined there (bulk-file-unreadable or file-unread says why).
    const translations = projectTranslationsOf(project);
    if (!translations.present || !translations.complete) return;
    for (const use of uses) {
      const key = use.call.key.value;
      if (translations.byKey.has(key) || hasTemplate(key)) continue;
      const suggestion = closestName(key, translations.byKey.keys());
      const data = { key, role: describeRole(use.role), shown: fallbackShown(use.call.fallback, use.role) };
      report({
        offset: use.call.key.offset,
        length: use.call.key.length,
        ...(suggestion ? { messageId: 'didYouMean' as const, data: { ...data, suggestion } } : { messageId: 'unknown' as const, data }),
      });
    }
  },
  fixes({ file, finding }) {
    return finding.messageId === 'didYouMean' ? [didYouMeanFix(file, finding, finding.data.suggestion)] : [];
  },
});
