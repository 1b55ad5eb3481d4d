// Studio function: shows the exit banner while an agent holds the chat, the way the chat-widget
// FAQ sends it from code. The body is what Studio's function editor holds (a top-level return).
/* global app -- Studio gives every function its `app` */
return new Promise((resolve) => {
  const widgetVersion = app.data && app.data.widgetVersion;
  if (widgetVersion === 'v1') {
    // Chat widget v1: the banners inside `quickReplies`.
    app.sendEvent({
      code: 'ui-event-update-promotion',
      data: {
        quickReplies: [{ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] }],
      },
    });
  } else {
    // Chat widget v2: an array of banners.
    app.sendEvent({
      code: 'ui-event-update-promotion',
      data: [{ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] }],
    });
  }
  resolve();
});
