// A grid cell that needs two lines: an identifier above its description. A wrapping one lets its first
// line run onto more lines (in a column with autoHeight) but never breaks inside an id.
import { splitAtIds } from './whole-ids';

export function TwoLineCell({ primary, secondary, wrap = false, title }: { primary: string; secondary: string; wrap?: boolean; title?: string }) {
  return (
    <div className={`two-line-cell${wrap ? ' two-line-cell--wrap' : ''}`} title={title ?? `${primary} — ${secondary}`}>
      <span className="two-line-cell__primary">{wrap ? <TextWithWholeIds text={primary} /> : primary}</span>
      <span className="two-line-cell__secondary">{secondary}</span>
    </div>
  );
}

/** Words wrap where they like; an id ("L-000161", "PO-0003065/10") stays on one line. */
export function TextWithWholeIds({ text }: { text: string }) {
  return (
    <>
      {splitAtIds(text).map((part, index) =>
        part.id ? (
          <span key={index} className="whole-id">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
