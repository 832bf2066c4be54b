// Sign-in over a workstation's socket.io connection: the handshake's connector token says the
// workstation may talk to this gateway; the user's password says who sits at it.
import type { Socket } from 'socket.io';
import { signInMessages, type SignInAnswer } from '../../shared/auth/sign-in';
import type { Identity } from './identity';

/** The ack a socket.io event carries last, if it does. */
function ackOf<T>(args: unknown[]): ((answer: T) => void) | undefined {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as (answer: T) => void) : undefined;
}

export function answerSignIn(socket: Socket, identity: Identity): void {
  socket.on(signInMessages.signIn, (...args: unknown[]) => {
    const ack = ackOf<SignInAnswer>(args);
    if (!ack) return;
    identity.signIn(args.length > 1 ? args[0] : undefined).then(ack, (error: unknown) => {
      ack({ ok: false, rule: 'invalid', reason: `sign-in: the gateway failed (${error instanceof Error ? error.message : String(error)})` });
    });
  });
  socket.on(signInMessages.publicKey, (...args: unknown[]) => ackOf(args)?.(identity.publicKey));
}
