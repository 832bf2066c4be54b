// socket.io passes the client's ack callback as the last argument, when the client asked for one.
export function splitAck<A>(args: unknown[]): { message: unknown; ack: ((answer: A) => void) | undefined } {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as (answer: A) => void) : undefined;
  return { message: ack && args.length === 1 ? undefined : args[0], ack };
}
