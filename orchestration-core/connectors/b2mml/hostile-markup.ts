// What a B2MML message may not carry however well-formed it is: a DOCTYPE (its entities could expand
// without bound, or name a file), and any entity but XML's own five and character references.
import { reject } from './xml-element';

/**
 * The text with every comment and CDATA section blanked, found left to right as the parser finds them:
 * a comment may hold "<![CDATA[" and a CDATA section "<!--", so neither may hide what stands after it.
 * A processing instruction is kept (and so checked), but opens no comment or CDATA inside it.
 */
function markupOutsideCommentsAndCdata(text: string): string {
  const sections = [
    { open: '<!--', close: '-->', kept: false },
    { open: '<![CDATA[', close: ']]>', kept: false },
    { open: '<?', close: '?>', kept: true },
  ];
  let markup = '';
  let at = 0;
  for (;;) {
    const next = sections
      .map((section) => ({ ...section, start: text.indexOf(section.open, at) }))
      .filter(({ start }) => start >= 0)
      .sort((a, b) => a.start - b.start)[0];
    if (next === undefined) return markup + text.slice(at);
    const end = text.indexOf(next.close, next.start + next.open.length);
    // Unterminated: the well-formedness check refused it already; read the rest as markup to be sure.
    if (end < 0) return markup + text.slice(at);
    const after = end + next.close.length;
    markup += text.slice(at, next.start) + (next.kept ? text.slice(next.start, after) : ' ');
    at = after;
  }
}

const xmlEntities = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

/** XML 1.0's Char production: what a character reference may stand for. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Why the first reference that is neither one of XML's five nor a character reference to a character XML allows is refused. */
function refusedReference(markup: string): string | undefined {
  for (const [reference, name = ''] of markup.matchAll(/&([^;\s&<]*);/g)) {
    if (xmlEntities.has(name)) continue;
    const numeric = /^#(?:(\d+)|x([0-9a-fA-F]+))$/.exec(name);
    if (!numeric) return `entity ${reference} is not one of XML’s five (&lt; &gt; &amp; &quot; &apos;) nor a character reference`;
    const codePoint = numeric[1] === undefined ? Number.parseInt(numeric[2] ?? '', 16) : Number(numeric[1]);
    if (!isXmlCharacter(codePoint)) return `character reference ${reference} is not a character XML allows`;
  }
  return undefined;
}

export function refuseHostileMarkup(text: string): void {
  const markup = markupOutsideCommentsAndCdata(text);
  // Anywhere, not only in the prolog: the parser reads one inside the root element too. Outside comments
  // and CDATA sections, "<!" can only open a declaration, which needs a DOCTYPE around it.
  const declaration = /<!([A-Za-z]*)/.exec(markup);
  if (declaration?.[1]?.toUpperCase() === 'DOCTYPE') reject('xml', 'a DOCTYPE is not accepted (B2MML needs none, and its entities could expand without bound)');
  if (declaration) reject('xml', `<!${declaration[1] ?? ''} is not accepted: only a comment or a CDATA section may open with <! in a B2MML message`);
  const reference = refusedReference(markup);
  if (reference !== undefined) reject('xml', reference);
}
