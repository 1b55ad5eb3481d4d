// "Handoff Kit: New Bot Project": the files of a new bot project, planned by the engine so that
// they are what the scaffold itself would write (same bot.json, same layout, no findings).
import * as path from 'node:path';
import { jsonFileText, type ProjectEdit } from '../../edits/edits';
import { FOLDER_OF, newBotConfig } from '../../guide/pieces';

/**
 * What "New Bot Project" creates: bot.json, as one edit, and the empty `intents/` and `journeys/`
 * folders, which the caller creates first. Paths are absolute.
 */
export interface NewProjectPlan {
  /** Creates `bot.json` in the project's root: one `create` change, one undo. */
  readonly edit: ProjectEdit;
  /** The absolute path of that bot.json, the file to show once the project is created. */
  readonly botFile: string;
  /**
   * Absolute paths of the empty folders the project starts with, `intents/` and `journeys/`,
   * to create before the edit is applied: a ProjectEdit holds files, not folders.
   */
  readonly folders: readonly string[];
}

/**
 * The project's folder is named after the bot (and the scaffold names a bot without bot.json after
 * its folder), so a name must be a folder name on every system as well as a bot name: a letter
 * or digit, then letters, digits, `_`, `-` or `.`.
 */
const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * What is wrong with a name for a new bot project (its folder and its bot), or undefined when it
 * can be used. The value is taken as typed, not trimmed: it becomes a folder name as it is. Whether
 * a folder of that name already exists is for the caller to check; the engine has no disk here.
 */
export function validateProjectName(value: string): string | undefined {
  if (!value) return 'the bot project needs a name, such as `support-bot`';
  if (!PROJECT_NAME.test(value)) {
    return `\`${value}\` is not a valid project name: start with a letter or digit, then use letters, digits, \`_\`, \`-\` or \`.\`, with no spaces`;
  }
  return undefined;
}

/**
 * The files of a new bot project in the folder `root` (an absolute path that does not exist
 * yet): bot.json with the bot's `name` and both banner events declared and enabled (step 1 of the
 * guide, as Add User-Initiated Disconnection writes it), and the empty `intents/` and `journeys/`
 * folders. The project it makes has no findings.
 *
 * `name` defaults to the folder's name. Throws an Error with validateProjectName's message when
 * `name` is not a valid project name.
 */
export function planNewProject(root: string, name: string = path.basename(root)): NewProjectPlan {
  const invalid = validateProjectName(name);
  if (invalid) throw new Error(invalid);
  const botFile = path.join(root, 'bot.json');
  return {
    edit: { title: `New bot project ${name}`, changes: [{ kind: 'create', file: botFile, text: jsonFileText(newBotConfig(name)) }] },
    botFile,
    folders: [FOLDER_OF.intent, FOLDER_OF.journey].map((folder) => path.join(root, folder)),
  };
}
