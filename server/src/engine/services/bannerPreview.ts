// The banner as the customer will see it, for the preview beside the editor: titles and buttons,
// and what each button's message starts. Any JSON gives a view; what cannot be drawn is a problem.
import type * as jsonc from 'jsonc-parser';
import { relativePath, valueOf, type BotFile } from '../model/botFile';
import type { BannerModel, BannerPayloadModel } from '../model/bannerPayload';
import { bannerPayloadsOf } from '../analysis/exitPhrases';
import { readJourney, type JourneyNode } from '../model/journey';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { indexOf, type ProjectIndex } from '../analysis/projectIndex';
import { hasTemplate } from '../model/template';
import type { CheckOptions } from '../check/check';
import { exitPathFindings, findingsWith, type FindingsOf, type PathFinding } from './exitVerdicts';

/** A banner payload in a journey file: the `data` of a Send Event node for a banner event. */
export interface BannerPayload {
  readonly nodeId?: string;
  readonly event: string;
  /** The range of the `data` value. */
  readonly offset: number;
  readonly length: number;
}

export type BannerShape = 'banner' | 'array' | 'legacy' | 'dynamic' | 'template';

/** What a phrase the customer sends starts: the intents trained with it and their journeys. */
export interface PhraseTarget {
  readonly intents: string[];
  readonly journeys: string[];
  /** Some intent is trained with the phrase. */
  readonly matched: boolean;
  /**
   * The errors and warnings the checks find on the phrase's way (exitVerdicts.ts): the banner's
   * event, the phrase, its intents and the journeys it starts. The phrase takes the customer back
   * to the bot (a green check) only when there is none.
   */
  readonly findings: readonly PathFinding[];
}

/**
 * What clicking a button does (an option has a `title` and either `text` or `url`, as
 * docs/bot-project-format.md says after docs.yellow.ai): `text` sends it as the customer's message,
 * with the intents trained with it and their journeys (none looked up when `template`); `url` opens
 * a link; `none`: the option has neither as a string.
 */
export type ButtonAction =
  | ({ readonly kind: 'text'; readonly text: string; readonly template: boolean } & PhraseTarget)
  | { readonly kind: 'url'; readonly url: string; readonly template: boolean }
  /** Neither `text` nor `url`: a click does nothing. */
  | { readonly kind: 'none' };

/** One option of a text banner as the preview draws it: its label and what a click does. */
export interface ButtonView {
  /** The option's `title`; empty when it has none. */
  readonly label: string;
  readonly action: ButtonAction;
}

/**
 * A text banner as the preview draws it: its title (`titleIsTemplate` when a template is in it),
 * its buttons, or, with none, the phrase its title asks the customer to type and what it starts.
 */
export interface TextBannerView {
  readonly kind: 'text';
  /** Empty when the banner has no title. */
  readonly title: string;
  readonly titleIsTemplate: boolean;
  /** For a banner without buttons: the phrase its title asks the customer to type. */
  readonly typedPhrase?: { readonly phrase: string } & PhraseTarget;
  readonly buttons: ButtonView[];
  /** `options` is a template: the buttons are only known when the event is sent. */
  readonly optionsTemplate?: string;
}

/**
 * A dynamic image banner (`"type": "image"`) as the preview draws it: `imageURL` as written, and
 * `linkURL`, where a click leads, left out when `linkType` is `none`.
 */
export interface ImageBannerView {
  readonly kind: 'image';
  /** Empty when the banner has none; may be a template. */
  readonly imageURL: string;
  readonly linkURL?: string;
}

/** One banner of a preview, told apart by `kind`: `text` (title and buttons) or `image`. */
export type BannerView = TextBannerView | ImageBannerView;

/** A flag, or a template (a string) that gives one when the event is sent. */
export type FlagView = boolean | string;

/**
 * The payload's settings for the whole banner area: the legacy (V1) object's flags and speed, or
 * a dynamic payload's `bannerSettings` (shapes 3 and 4 of docs/bot-project-format.md).
 * Only the settings the payload gives with a usable value; a wrong one is in `problems` instead.
 */
export interface BannerSettingsView {
  /** Legacy: rotate the banners automatically. */
  readonly autoPlay?: FlagView;
  /** Legacy: milliseconds between two banners; a string is a template. */
  readonly autoPlaySpeed?: number | string;
  /** Legacy: hide the banner bar. */
  readonly hide?: FlagView;
  /** Legacy: show the promotion bar. */
  readonly displayShowPromotionBar?: FlagView;
  /** Legacy: HTML as written in the file, to be shown as source and never injected. */
  readonly showPromotionMessage?: string;
  /** Dynamic: `open`, `close` (minimised), or a template. */
  readonly state?: string;
  /** Dynamic: the text shown while the banner area is minimised. */
  readonly textOnMinimise?: string;
}

/**
 * A banner payload as the customer will see it, for the preview beside the editor: the Send
 * Event node's journey, node and event, the payload's UTF-16 range in the file, its banners and
 * settings, and `problems`, one sentence per part that cannot be drawn. Plain JSON: it is the
 * answer to the `handoffKit/bannerPreview` request.
 */
export interface BannerPreview {
  /** The journey's name. */
  readonly journey?: string;
  readonly nodeId?: string;
  readonly event: string;
  /** The range of the payload in the file. */
  readonly offset: number;
  readonly length: number;
  readonly shape: BannerShape;
  readonly banners: BannerView[];
  readonly settings?: BannerSettingsView;
  /** The whole payload is a template, filled in when the event is sent. */
  readonly template?: string;
  /** The list of banners (`quickReplies` or `banners`) is a template. */
  readonly bannersTemplate?: string;
  /** Why part of the payload cannot be drawn, e.g. it is not an object. */
  readonly problems: string[];
}

/** Every banner payload of a journey file, in file order (for code lenses). */
export function bannerPayloadsIn(file: BotFile): BannerPayload[] {
  return bannerPayloadsOf(file).map(({ sendEvent, payload }) => ({
    nodeId: sendEvent.id?.value,
    event: sendEvent.event!.value,
    offset: payload.node.offset,
    length: payload.node.length,
  }));
}

/**
 * The preview of the payload around `offset`, or of the file's first payload when `offset` is
 * undefined or in none; undefined when the file has no banner payload. Phrases are matched as
 * `mode` says, else as the project's handoff-kit.json says, else exactly, as the checks match them.
 * Each phrase's verdict lists the findings on its path, the files checked with `checkOptions`
 * (the rule settings the editor shows findings with) and `mode`.
 */
export function bannerPreviewAt(
  project: BotProject,
  file: BotFile,
  offset?: number,
  mode: PhraseMatch = project.phraseMatch,
  checkOptions: CheckOptions = {},
): BannerPreview | undefined {
  const payloads = bannerPayloadsOf(file);
  const at =
    (offset === undefined ? undefined : payloads.find(({ payload: { node } }) => node.offset <= offset && offset <= node.offset + node.length)) ??
    payloads[0];
  if (!at) return undefined;
  const reader = new PayloadReader(
    project,
    indexOf(project),
    mode,
    file,
    at.sendEvent,
    at.payload,
    findingsWith(project, { ...checkOptions, phraseMatch: mode }),
  );
  const view = reader.payload(at.payload);
  return {
    journey: readJourney(file).name?.value,
    nodeId: at.sendEvent.id?.value,
    event: at.sendEvent.event!.value,
    offset: at.payload.node.offset,
    length: at.payload.node.length,
    ...view,
    problems: reader.problems,
  };
}

type PayloadView = Pick<BannerPreview, 'shape' | 'banners' | 'settings' | 'template' | 'bannersTemplate'>;

/** Reads one payload, collecting what it cannot draw in `problems`. */
class PayloadReader {
  readonly problems: string[] = [];

  constructor(
    private readonly project: BotProject,
    private readonly index: ProjectIndex,
    private readonly mode: PhraseMatch,
    private readonly file: BotFile,
    private readonly sendEvent: JourneyNode,
    private readonly model: BannerPayloadModel,
    private readonly findingsOf: FindingsOf,
  ) {}

  payload(model: BannerPayloadModel): PayloadView {
    const data = model.node;
    if (model.shape === 'template') return { shape: 'template', banners: [], template: model.template! };
    if (data.type === 'string') {
      this.problems.push('the payload is a string but no template: a banner payload is an object, a list of banners, or a template');
      return { shape: 'banner', banners: [] };
    }
    if (model.shape === 'array') return { shape: 'array', banners: this.bannerList(model, 'the list of banners') };
    if (data.type !== 'object') {
      this.problems.push(
        `the payload is ${describe(data)}, not an object: a banner payload is an object with a \`title\` and \`options\`, a list of banners, or a template`,
      );
      return { shape: 'banner', banners: [] };
    }
    // The reader's precedence (bannerPayload.ts): `banners` makes a dynamic payload, then `quickReplies` a legacy one.
    if (model.shape === 'dynamic') {
      const list = this.listOrTemplate(model.listNode!, '`banners`', 'a list of text or image banners');
      const settings = this.dynamicSettings(valueOf(data, 'bannerSettings'));
      return {
        shape: 'dynamic',
        banners: list.nodes ? this.bannerList(model, '`banners`', true) : [],
        ...(list.template !== undefined ? { bannersTemplate: list.template } : {}),
        ...(settings ? { settings } : {}),
      };
    }
    if (model.shape === 'legacy') {
      const list = this.listOrTemplate(model.listNode!, '`quickReplies`', 'a list of banners');
      return {
        shape: 'legacy',
        banners: list.nodes ? this.bannerList(model, '`quickReplies`') : [],
        ...(list.template !== undefined ? { bannersTemplate: list.template } : {}),
        settings: this.legacySettings(data),
      };
    }
    return { shape: 'banner', banners: [this.textBanner(model.banners[0], model, 'the banner')] };
  }

  private listOrTemplate(node: jsonc.Node, what: string, expected: string): { nodes?: jsonc.Node; template?: string } {
    if (node.type === 'array') return { nodes: node };
    if (node.type === 'string' && hasTemplate(node.value as string)) return { template: node.value as string };
    this.problems.push(`${what} is ${describe(node)}, not ${expected}`);
    return {};
  }

  private bannerList(model: BannerPayloadModel, what: string, dynamic = false): BannerView[] {
    if (!model.banners.length) this.problems.push(`${what} is empty: no banner is shown`);
    return model.banners.flatMap<BannerView>((banner) => {
      const item = banner.node;
      const where = `banner ${banner.position + 1}`;
      if (item.type !== 'object') {
        this.problems.push(`${where} is ${describe(item)}, not an object: not shown`);
        return [];
      }
      const type = valueOf(item, 'type');
      if (banner.kind === 'image') return [this.imageBanner(item, where)];
      if (dynamic && type && !(type.type === 'string' && type.value === 'text')) {
        this.problems.push(`${where}: \`type\` is ${describe(type)}, not "text" or "image"; shown as a text banner`);
      }
      return [this.textBanner(banner, model, where)];
    });
  }

  private textBanner(model: BannerModel, payload: BannerPayloadModel, where: string): TextBannerView {
    const banner = model.node;
    const titleNode = valueOf(banner, 'title');
    let title = '';
    if (!titleNode) this.problems.push(`${where} has no \`title\``);
    else if (titleNode.type !== 'string') this.problems.push(`${where}: \`title\` is ${describe(titleNode)}, not text`);
    else title = titleNode.value as string;
    const titleIsTemplate = hasTemplate(title);

    const options = valueOf(banner, 'options');
    let buttons: ButtonView[] = [];
    let optionsTemplate: string | undefined;
    if (options?.type === 'array') {
      buttons = (options.children ?? []).flatMap((option, i) => this.button(option, `${where}, button ${i + 1}`));
    } else if (options?.type === 'string' && hasTemplate(options.value as string)) {
      optionsTemplate = options.value as string;
    } else if (options) {
      this.problems.push(`${where}: \`options\` is ${describe(options)}, not a list of buttons`);
    }

    // The typed phrase as the reader (and so the exit phrase check) finds it.
    const typed = payload.exitPhrases.find((exit) => exit.banner === model && exit.kind === 'typed');
    return {
      kind: 'text',
      title,
      titleIsTemplate,
      ...(typed !== undefined ? { typedPhrase: { phrase: typed.phrase, ...this.target(typed.phrase, typed) } } : {}),
      buttons,
      ...(optionsTemplate !== undefined ? { optionsTemplate } : {}),
    };
  }

  private button(option: jsonc.Node, where: string): ButtonView[] {
    if (option.type !== 'object') {
      this.problems.push(`${where} is ${describe(option)}, not an object: not shown`);
      return [];
    }
    const labelNode = valueOf(option, 'title');
    let label = '';
    if (!labelNode) this.problems.push(`${where} has no \`title\` (its label)`);
    else if (labelNode.type !== 'string') this.problems.push(`${where}: \`title\` is ${describe(labelNode)}, not text`);
    else label = labelNode.value as string;
    if (label) where = `${where} ("${label}")`;

    const text = this.stringProperty(option, 'text', where);
    const url = this.stringProperty(option, 'url', where);
    if (text !== undefined) {
      if (url !== undefined) this.problems.push(`${where} has both \`text\` and \`url\`; shown as sending the text`);
      const template = hasTemplate(text);
      // The option's exit phrase as the checks read it (none for an empty text or a template).
      const textNode = valueOf(option, 'text');
      const exit = textNode && this.model.exitPhrases.find((e) => e.kind === 'option' && e.offset === textNode.offset);
      const target = template ? { intents: [], journeys: [], matched: false, findings: [] } : this.target(text, exit);
      return [{ label, action: { kind: 'text', text, template, ...target } }];
    }
    if (url !== undefined) return [{ label, action: { kind: 'url', url, template: hasTemplate(url) } }];
    if (!valueOf(option, 'text') && !valueOf(option, 'url')) {
      this.problems.push(`${where} has neither \`text\` nor \`url\`: clicking it does nothing`);
    }
    return [{ label, action: { kind: 'none' } }];
  }

  private imageBanner(banner: jsonc.Node, where: string): ImageBannerView {
    const imageURL = this.stringProperty(banner, 'imageURL', `${where} (image)`);
    if (!valueOf(banner, 'imageURL')) this.problems.push(`${where} (image) has no \`imageURL\``);
    const linkType = valueOf(banner, 'linkType');
    const linkURL = linkType?.type === 'string' && linkType.value === 'none' ? undefined : this.stringProperty(banner, 'linkURL', `${where} (image)`);
    return { kind: 'image', imageURL: imageURL ?? '', ...(linkURL !== undefined ? { linkURL } : {}) };
  }

  private legacySettings(data: jsonc.Node): BannerSettingsView {
    const settings: { -readonly [K in keyof BannerSettingsView]: BannerSettingsView[K] } = {};
    for (const key of ['autoPlay', 'hide', 'displayShowPromotionBar'] as const) {
      const flag = this.flag(valueOf(data, key), `\`${key}\``);
      if (flag !== undefined) settings[key] = flag;
    }
    const speed = valueOf(data, 'autoPlaySpeed');
    if (speed) {
      const value = speed.value as unknown;
      if (speed.type === 'string' && hasTemplate(value as string)) settings.autoPlaySpeed = value as string;
      else if ((speed.type === 'number' || speed.type === 'string') && String(value).trim() !== '' && Number.isFinite(Number(value))) {
        settings.autoPlaySpeed = Number(value);
      } else this.problems.push(`\`autoPlaySpeed\` is ${describe(speed)}, not a number of milliseconds`);
    }
    const message = this.stringProperty(data, 'showPromotionMessage', 'the legacy payload');
    if (message !== undefined) settings.showPromotionMessage = message;
    return settings;
  }

  private dynamicSettings(node: jsonc.Node | undefined): BannerSettingsView | undefined {
    if (!node) return undefined;
    if (node.type !== 'object') {
      this.problems.push(`\`bannerSettings\` is ${describe(node)}, not an object`);
      return undefined;
    }
    const settings: { state?: string; textOnMinimise?: string } = {};
    const state = valueOf(node, 'state');
    if (state?.type === 'string' && (state.value === 'open' || state.value === 'close' || hasTemplate(state.value as string))) {
      settings.state = state.value as string;
    } else if (state) this.problems.push(`\`bannerSettings.state\` is ${describe(state)}, not "open" or "close"`);
    const text = this.stringProperty(node, 'textOnMinimise', '`bannerSettings`');
    if (text !== undefined) settings.textOnMinimise = text;
    return settings;
  }

  /** A string property's value; a problem when it is there but not a string. */
  private stringProperty(object: jsonc.Node, key: string, where: string): string | undefined {
    const node = valueOf(object, key);
    if (!node) return undefined;
    if (node.type === 'string') return node.value as string;
    this.problems.push(`${where}: \`${key}\` is ${describe(node)}, not text`);
    return undefined;
  }

  private flag(node: jsonc.Node | undefined, what: string): FlagView | undefined {
    if (!node) return undefined;
    if (node.type === 'boolean') return node.value as boolean;
    if (node.type === 'string' && hasTemplate(node.value as string)) return node.value as string;
    this.problems.push(`${what} is ${describe(node)}, not true or false`);
    return undefined;
  }

  /**
   * The intents trained with `phrase`, as the matcher compares, the journeys they start, and the
   * findings on its way (`exit`: where the checks read it; none for text they do not read as one).
   */
  private target(phrase: string, exit: { offset: number; length: number } | undefined): PhraseTarget {
    const intents = [...new Set(this.index.utterancesMatching(phrase, this.mode).map((u) => u.intentName))];
    const journeys = [
      ...new Set(
        intents.flatMap((intent) =>
          (this.index.journeysByIntent.get(intent) ?? []).map((j) => j.journey.name?.value ?? relativePath(this.project.root, j.file.path)),
        ),
      ),
    ];
    const findings = exit
      ? exitPathFindings(this.project, this.file, this.sendEvent, { phrase, offset: exit.offset, length: exit.length }, this.mode, this.findingsOf)
      : [];
    return { intents, journeys, matched: intents.length > 0, findings };
  }
}

/** A JSON value in a few words, for problems: `a number (42)`, `a list`. */
function describe(node: jsonc.Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
      return `the text ${JSON.stringify(clip(node.value as string))}`;
    case 'number':
      return `a number (${node.value})`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return 'not a value';
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
