// A grid cell that needs two lines: an identifier above its description.
export function TwoLineCell({ primary, secondary }: { primary: string; secondary: string }) {
  return (
    <div className="two-line-cell" title={`${primary} — ${secondary}`}>
      <span className="two-line-cell__primary">{primary}</span>
      <span className="two-line-cell__secondary">{secondary}</span>
    </div>
  );
}
