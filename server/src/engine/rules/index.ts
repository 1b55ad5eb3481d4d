// Every rule, in the order their findings are listed for one spot.
import { bannerSchema } from './bannerSchema';
import { jsonSyntax } from './jsonSyntax';
import type { Rule } from './rule';
import { schema } from './schema';
import { unknownEvent } from './unknownEvent';

export const rules: readonly Rule[] = [jsonSyntax, schema, bannerSchema, unknownEvent];
export type { Rule, Problem } from './rule';
