// A workflow's "no" to the person who signalled it: the input is wrong or overtaken, not a fault of
// the core. The host's commit path answers it as the API's refusal with the same code and message.
export type RefusalCode = 'invalid-args' | 'not-found' | 'conflict' | 'forbidden';

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
