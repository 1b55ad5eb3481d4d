// The project and reports the live-result checks (live-*, test-report-*) are tested on.
import { ProjectFixture } from '../../support/projectFixture';

export const banner = {
  name: 'live-agent',
  trigger: { intent: 'talk_to_agent' },
  start: 'show',
  nodes: [
    {
      id: 'show',
      type: 'sendEvent',
      event: 'ui-event-update-promotion',
      data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] },
    },
  ],
};
export const exitJourney = { name: 'exit-chat', trigger: { intent: 'talk_to_bot' }, start: 'a', nodes: [{ id: 'a', type: 'closeTicket' }] };

/** The files of the live-result project with `report` as its test report, and `files` added or replacing. */
export function filesWith(report: string, files: Record<string, object | string> = {}): Record<string, object | string> {
  return {
    'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent'] },
    'journeys/live-agent.json': banner,
    'journeys/exit-chat.json': exitJourney,
    'test-reports/run-11-30.csv': report,
    ...files,
  };
}

export function fixture(report: string, files: Record<string, object | string> = {}) {
  return new ProjectFixture(filesWith(report, files));
}

export const misrouted =
  'Utterance,Predicted Journey,Journey,Status\r\ntalk to an agent,live-agent,live-agent,success\r\nhi,x,y,success\r\ntalk to bot,live-agent,exit-chat,failure\r\n';
export const REPORT = 'test-reports/run-11-30.csv';

/** The valid case every live-result check shares: a report in which Studio routed each phrase as the files say. */
export const routedAsTheFilesSay = {
  name: 'a report in which the live bot routed every phrase as the files say',
  files: filesWith(
    'Utterance,Predicted Journey,Journey,Status\r\ntalk to an agent,live-agent,live-agent,success\r\ntalk to bot,exit-chat,exit-chat,success\r\n',
  ),
};

/** The banner's exit phrase, where the live-result checks report it in the journey. */
export const BANNER = 'journeys/live-agent.json';
