// The B2MML document as the mappers see it: elements by local name, with the readers that name the
// element path of whatever is missing or wrong, so a dead letter says where to look.

/** One element of the document, in the B2MML namespace (others keep their `{namespace}name`). */
export interface XmlElement {
  name: string;
  children: readonly XmlElement[];
  /** The element's own text, trimmed; '' when it has none. */
  text: string;
}

/** A message the adapter cannot translate; `message` is the reason, led by the element path. */
export class B2mmlRejection extends Error {
  override name = 'B2mmlRejection';
}

export function reject(path: string, problem: string): never {
  throw new B2mmlRejection(`${path}: ${problem}`);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The text of the first child of that name; undefined when the child is absent or empty. */
export function optionalText(element: XmlElement, name: string): string | undefined {
  const text = firstChild(element, name)?.text;
  return text === undefined || text === '' ? undefined : text;
}

export function requiredText(element: XmlElement, name: string, path: string): string {
  return optionalText(element, name) ?? reject(`${path}.${name}`, 'missing');
}

/** An element with its path from the DataArea, e.g. `MaterialLot[1].MaterialSubLot[0]`. */
export interface Located {
  element: XmlElement;
  path: string;
}

/** Each child of that name with its element path. */
export function eachChild(element: XmlElement, name: string, path: string): Located[] {
  const prefix = path === '' ? '' : `${path}.`;
  return childrenNamed(element, name).map((child, index) => ({ element: child, path: `${prefix}${name}[${index}]` }));
}
