/**
 * Discord-shaped JSON errors ({ message, code } plus `errors` for form errors).
 * Codes from https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
 */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message: string; code: number; errors?: unknown },
  ) {
    super(`${status} ${body.message}`);
  }
}

export const unauthorized = (): DiscordHttpError => new DiscordHttpError(401, { message: '401: Unauthorized', code: 0 });
export const notFound = (): DiscordHttpError => new DiscordHttpError(404, { message: '404: Not Found', code: 0 });
export const unknownChannel = (): DiscordHttpError => new DiscordHttpError(404, { message: 'Unknown Channel', code: 10003 });
export const unknownMessage = (): DiscordHttpError => new DiscordHttpError(404, { message: 'Unknown Message', code: 10008 });
export const unknownUser = (): DiscordHttpError => new DiscordHttpError(404, { message: 'Unknown User', code: 10013 });
export const unknownWebhook = (): DiscordHttpError => new DiscordHttpError(404, { message: 'Unknown Webhook', code: 10015 });
export const unknownInteraction = (): DiscordHttpError => new DiscordHttpError(404, { message: 'Unknown interaction', code: 10062 });
export const unknownCommand = (): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown application command', code: 10063 });
export const alreadyAcknowledged = (): DiscordHttpError =>
  new DiscordHttpError(400, { message: 'Interaction has already been acknowledged.', code: 40060 });

/** 50035 Invalid Form Body with one error at a dotted path, e.g. 'data.content'. */
export function invalidFormBody(path: string, code: string, message: string): DiscordHttpError {
  const errors: Record<string, unknown> = {};
  let cursor = errors;
  const parts = path.split('.');
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      cursor[part] = { _errors: [{ code, message }] };
    } else {
      const next: Record<string, unknown> = {};
      cursor[part] = next;
      cursor = next;
    }
  });
  return new DiscordHttpError(400, { message: 'Invalid Form Body', code: 50035, errors });
}

/** Default JSON body for an injected failure status. */
export function defaultErrorBody(status: number): Record<string, unknown> {
  switch (status) {
    case 429:
      return { message: 'You are being rate limited.', retry_after: 1, global: false };
    case 500:
      return { message: '500: Internal Server Error', code: 0 };
    case 502:
      return { message: '502: Bad Gateway', code: 0 };
    case 503:
      return { message: '503: Service Unavailable', code: 0 };
    case 401:
      return { message: '401: Unauthorized', code: 0 };
    case 403:
      return { message: 'Missing Permissions', code: 50013 };
    case 404:
      return { message: '404: Not Found', code: 0 };
    default:
      return { message: `${status}: Error`, code: 0 };
  }
}
