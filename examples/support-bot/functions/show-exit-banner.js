// Studio function: shows the exit banner while an agent holds the chat, the way the chat-widget
// FAQ sends it from code. The body is what Studio's function editor holds (a top-level return).
// The banner's texts are translation keys (translations/translations.csv, imported under
// Translations > Bulk manage): app.renderMessage gives the text of the customer's language, or the
// fallback when a key has none ('' for a title, as in the FAQ's own localized banner).
/* global app -- Studio gives every function its `app` */
return new Promise((resolve) => {
  const widgetVersion = app.data && app.data.widgetVersion;
  if (widgetVersion === 'v1') {
    // Chat widget v1: the banners inside `quickReplies`.
    app.sendEvent({
      code: 'ui-event-update-promotion',
      data: {
        quickReplies: [
          {
            title: app.renderMessage('exit_banner_title', {}, ''),
            options: [{ title: app.renderMessage('exit_button_label', {}, 'Exit'), text: 'talk to bot' }],
          },
        ],
      },
    });
  } else {
    // Chat widget v2: banners in rotation. The Exit button's text, the message a click sends, is
    // the fixed phrase in every language; the second banner asks the customer to type the phrase
    // its title quotes, in the customer's language (each one an utterance of talk_to_bot).
    app.sendEvent({
      code: 'ui-event-update-promotion',
      data: [
        {
          title: app.renderMessage('exit_banner_title', {}, ''),
          options: [{ title: app.renderMessage('exit_button_label', {}, 'Exit'), text: 'talk to bot' }],
        },
        { title: app.renderMessage('exit_banner_type_phrase', {}, ''), options: [] },
      ],
    });
  }
  resolve();
});
