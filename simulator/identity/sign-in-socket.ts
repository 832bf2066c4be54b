// Sign-in over a workstation's socket.io connection: the handshake's connector token says the
// workstation may talk to this gateway; the user's password says who sits at it.
import type { Socket } from 'socket.io';
import { signInMessages, type SignInAnswer } from '../../shared/auth/sign-in';
import { splitAck } from '../socket-ack';
import type { Identity } from './identity';

export function answerSignIn(socket: Socket, identity: Identity): void {
  socket.on(signInMessages.signIn, (...args: unknown[]) => {
    const { message, ack } = splitAck<SignInAnswer>(args);
    if (!ack) return;
    identity.signIn(message).then(ack, (error: unknown) => {
      ack({ ok: false, rule: 'invalid', reason: `sign-in: the gateway failed (${error instanceof Error ? error.message : String(error)})` });
    });
  });
  socket.on(signInMessages.publicKey, (...args: unknown[]) => splitAck<typeof identity.publicKey>(args).ack?.(identity.publicKey));
}
