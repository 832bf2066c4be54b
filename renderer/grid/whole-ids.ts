// Finds the ids in a sentence ("Use 35 KG of lot L-000161 as is under deviation DEV-7"), so a cell that
// wraps can keep each one on a line: a browser breaks a line after any hyphen, "L-" | "000161".

export interface TextPart {
  text: string;
  /** An id: letters, then a hyphen, then letters, digits, hyphens, slashes or dots ("PO-0003065/10"). */
  id: boolean;
}

const idPattern = /[A-Za-z]+-[A-Za-z0-9][A-Za-z0-9/.-]*[A-Za-z0-9]|[A-Za-z]+-[A-Za-z0-9]/g;

export function splitAtIds(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(idPattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), id: false });
    parts.push({ text: match[0], id: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), id: false });
  return parts;
}
