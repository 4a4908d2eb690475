/**
 * Discord's limits and Verbatim's reply knobs, by name. No function writes 2000 or 25 directly.
 * (Pure: no discord.js import; the console uses these too.)
 */

/** What Discord accepts in one message, one embed, one component, one autocomplete answer. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedAuthorName: 256,
  embedFooter: 2048,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  /** Sum of every embed's title, description, fields, footer and author in one message. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** A form (modal): its title, its fields (each a label around a text input). */
  formTitle: 45,
  formFields: 5,
  formLabel: 45,
  formLabelDescription: 100,
  formPlaceholder: 100,
  /** Characters a form's text input holds (and may be prefilled with). */
  textInputValue: 4000,
  /** Discord expects the first response to an interaction within this time. */
  interactionAckMs: 3000,
} as const;

/** Verbatim's own knobs for replies. Tune them here, not in code. */
export const REPLY_OPTIONS = {
  /** Results per /ask when `count` is not given (the core's default). */
  defaultCount: 3,
  /** The most results one /ask may request. */
  maxCount: 5,
  /** Longest question accepted (the /ask option's max_length). */
  maxQuestionChars: 300,
  /** Longest rendered quote for one passage, before the 6,000-character message budget shares it out. */
  maxQuoteChars: 1500,
  /** Shortest budget a quote is squeezed to before fewer results are shown. */
  minQuoteChars: 200,
  /** Article titles are cut to this in "also reported by" lines and lists. */
  maxInlineTitleChars: 100,
  /** Articles per /sources page. */
  sourcesPerPage: 10,
  /** Passages per page when reading an article. */
  passagesPerPage: 3,
  /** Article titles offered when nothing matched. */
  suggestedArticles: 5,
  /** Defer the response when the work has not finished after this long (Discord's deadline is 3 s). */
  deferAfterMs: 1500,
  /** Accent colour of Verbatim's embeds. */
  color: 0x2f6f9f,
} as const;
