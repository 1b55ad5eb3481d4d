// Every rule, in the order their findings are listed for one spot.
import { bannerNotClosed } from './bannerNotClosed';
import { bannerSchema } from './bannerSchema';
import { duplicateName } from './duplicateName';
import { duplicateUtterance } from './duplicateUtterance';
import { eventDisabled } from './eventDisabled';
import { eventNotDeclared } from './eventNotDeclared';
import { exitIntentUnlinked } from './exitIntentUnlinked';
import { jsonSyntax } from './jsonSyntax';
import { literalSecret } from './literalSecret';
import { optionTextMismatch } from './optionTextMismatch';
import type { Rule } from './rule';
import { schema } from './schema';
import { ticketNotClosed } from './ticketNotClosed';
import { unknownEvent } from './unknownEvent';
import { unknownIntent } from './unknownIntent';
import { unknownJourney } from './unknownJourney';
import { unknownNode } from './unknownNode';
import { unreachableNode } from './unreachableNode';

export const rules: readonly Rule[] = [
  jsonSyntax,
  schema,
  bannerSchema,
  unknownEvent,
  eventNotDeclared,
  eventDisabled,
  unknownIntent,
  unknownNode,
  unknownJourney,
  unreachableNode,
  duplicateName,
  duplicateUtterance,
  optionTextMismatch,
  exitIntentUnlinked,
  bannerNotClosed,
  ticketNotClosed,
  literalSecret,
];
export type { Rule, Problem, RuleContext } from './rule';
