// The one place where a host turns a call (IPC or WebSocket) into a handler invocation: it checks the
// method, the caller's role against the method's (shared/api/roles.ts) before any handler runs, parses
// the arguments with the shared zod schemas and answers an ApiResult. It never throws, because only
// data survives IPC and the WebSocket bridge.
import { ApiFailure, apiArgSchemas, isApiMethod, type ApiResult, type AppApi, type CallContext, type Handlers } from '../shared/api';
import { methodsWithoutSession, roleRefusal } from '../shared/api/roles';
import { describeZodError } from '../shared/describe-error';
import type { Logger } from '../orchestration-core/core-ports';
import type { Caller } from '../orchestration-core/services/session-service';
import { consoleLogger } from './console-logger';

export type ApiDispatch = (method: string, rawArgs: unknown) => Promise<ApiResult<unknown>>;

type AnyHandler = (args: unknown, context: CallContext) => unknown;

/** `caller`: who is signed in at the workstation now (the core's session): every call is theirs. */
export function createApiDispatcher(handlers: Handlers<AppApi>, caller: () => Caller | null, logger: Logger = consoleLogger): ApiDispatch {
  return async function dispatch(method, rawArgs) {
    if (typeof method !== 'string' || !isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `there is no API method named "${String(method)}"` } };
    }
    const person = caller();
    if (!person && !methodsWithoutSession.has(method)) return { ok: false, error: { code: 'forbidden', message: 'session: nobody is signed in at this workstation; sign in' } };
    const refused = person ? roleRefusal(method, person.role) : null;
    if (refused) return { ok: false, error: { code: 'forbidden', message: `${refused.field}: ${refused.reason}` } };
    const context: CallContext = { user: person?.user ?? '(signed out)' };
    // A method without arguments may be called without an args object; every schema then sees {}.
    const parsed = apiArgSchemas[method].safeParse(rawArgs === undefined ? {} : rawArgs);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-args', message: describeZodError(parsed.error) } };
    }
    try {
      // The handler map is indexed by a runtime name, so TypeScript cannot pair method and args; the
      // schema just parsed guarantees the pairing.
      const handler = handlers[method] as AnyHandler;
      const value = await handler(parsed.data, context);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiFailure) {
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      const message = error instanceof Error ? error.message : String(error);
      logger.error('API handler failed', { method, user: context.user, error: error instanceof Error ? (error.stack ?? message) : message });
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}
