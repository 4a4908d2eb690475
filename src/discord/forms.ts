/**
 * What each form (Discord's modal) does when it is submitted. The form's state comes from its
 * custom_id (custom-id.ts), the values from its text fields by id; like buttons, a form is guarded
 * again on submission (who may use it can have changed since it opened). (Pure.)
 */
import type { CommandContext } from './command.ts';
import { curationGuard, submitAddForm, submitUpdateForm } from './curation/actions.ts';
import type { FormKind, FormState } from './custom-id.ts';
import type { Reply } from './reply.ts';

export type FormHandler<K extends FormKind> = {
  /** A refusal instead of running, or undefined. */
  readonly guard?: (ctx: CommandContext) => Reply | undefined;
  readonly submit: (ctx: CommandContext, state: Extract<FormState, { kind: K }>, fields: Readonly<Record<string, string>>) => Reply | Promise<Reply>;
};

export const FORMS: { readonly [K in FormKind]: FormHandler<K> } = {
  'add-article': { guard: curationGuard, submit: (ctx, _state, fields) => submitAddForm(ctx, fields) },
  'update-article': { guard: curationGuard, submit: (ctx, state, fields) => submitUpdateForm(ctx, state.articleId, fields) },
};

/** Runs the handler for a decoded form: its guard first, then the submission. */
export function submitForm(ctx: CommandContext, state: FormState, fields: Readonly<Record<string, string>>): Reply | Promise<Reply> {
  const handler = FORMS[state.kind] as FormHandler<FormKind>;
  return handler.guard?.(ctx) ?? handler.submit(ctx, state as never, fields);
}
