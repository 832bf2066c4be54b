// A core's or a gateway's message as a person reads it: a sentence, without the argument name the API
// puts first ("proposalIds: RB-… was accepted by pl.rosa" reads "RB-… was accepted by pl.rosa.").

/** Capitalized, with a full stop. */
export function sentence(problem: string): string {
  const text = problem.charAt(0).toUpperCase() + problem.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The message without its leading argument name, as a sentence. */
export function withoutArgumentName(message: string): string {
  return sentence(message.replace(/^[\w]+(?:\.[\w.[\]]+)?: /, ''));
}
