/** Label and value pairs of the approval panel, as a description list. */
export function Facts({ facts, testId }: { facts: [string, string][]; testId?: string }) {
  return (
    <dl className="approval-facts" data-testid={testId}>
      {facts.map(([term, value]) => (
        <div className="approval-facts__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
