// A plant's message refused for a unit code master data lacks: the words its reason holds, read back
// by the core (which dead letters a mapping replays) and by Monitor (which offers to map the code),
// and the plant a dead letter came from, the mapping's plant.

/** The words of a refusal for this code: a dead letter whose reason has them is fixed by mapping the code. */
export const unknownUnitWords = (code: string): string => `unit of measure "${code}" is not in master data`;

const unknownUnitPattern = /unit of measure "([^"]+)" is not in master data/;

/** The unknown unit code a dead letter's reason names; undefined for any other reason. */
export function unknownUnitCodeOf(reason: string): string | undefined {
  return unknownUnitPattern.exec(reason)?.[1];
}

/** The plant a dead letter came from: its envelope's, else its stream's (`mes.P1`). */
export function plantOfDeadLetter(letter: { raw: string; stream: string | null }): string | undefined {
  try {
    const plant = (JSON.parse(letter.raw) as { plant?: unknown } | null)?.plant;
    if (typeof plant === 'string') return plant;
  } catch {
    // Not JSON: the stream says it.
  }
  return letter.stream?.split('.').at(-1);
}
