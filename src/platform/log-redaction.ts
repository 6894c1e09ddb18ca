/**
 * Errors as they may be logged. A failed query carries its parameters (drizzle's DrizzleQueryError
 * puts them in `params` and in its message; PGlite's and node-postgres' errors carry `params` and a
 * `detail` such as "Failing row contains (…)"), and those include password and token hashes. The
 * log gets the query text, the codes and the stack, never the values.
 */

const REDACTED = '[redacted]';

/** Properties that hold the values of a query or a row. */
const VALUE_KEYS = new Set(['params', 'parameters', 'values', 'detail', 'queryOptions', 'internalQuery']);
/** Any property named like a secret, wherever it appears. */
const SECRET_KEY = /pass(word)?|hash|token|secret|cookie|authorization|credential/i;

const MAX_DEPTH = 5;

/** The message without the parameter list drizzle appends ("Failed query: …\nparams: …"). */
export function redactMessage(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : `${message.slice(0, at)}\nparams: ${REDACTED}`;
}

/** The stack with its first line(s) — the original message — replaced by the redacted one. */
function redactStack(error: Error, message: string): string | undefined {
  if (!error.stack) return undefined;
  const head = `${error.name}: ${error.message}`;
  const frames = error.stack.startsWith(head) ? error.stack.slice(head.length) : error.stack.replace(/^[\s\S]*?(?=\n\s+at )/, '');
  return `${error.name}: ${message}${frames}`;
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return redactError(value, depth + 1);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = VALUE_KEYS.has(key) || SECRET_KEY.test(key) ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}

/**
 * A plain, loggable copy of an error with query parameters, row values and secret-named fields
 * replaced by "[redacted]"; causes are redacted the same way.
 */
export function redactError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return redactValue(error, depth);
  const message = redactMessage(error.message);
  const out: Record<string, unknown> = { type: error.name, message, stack: redactStack(error, message) };
  for (const [key, v] of Object.entries(error)) {
    if (key === 'message' || key === 'stack') continue;
    out[key] = VALUE_KEYS.has(key) || SECRET_KEY.test(key) ? REDACTED : redactValue(v, depth + 1);
  }
  if (error.cause !== undefined && depth < MAX_DEPTH) out.cause = redactError(error.cause, depth + 1);
  return out;
}
