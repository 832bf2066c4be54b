/** The facts of a disruption as term and value; the wide ones take the whole row. */
export function DisruptionFactList({ facts, wide, testId }: { facts: readonly (readonly [string, string])[]; wide: string; testId: string }) {
  return (
    <dl className="delay-facts" data-testid={testId}>
      {facts.map(([term, value]) => (
        <div className={`delay-facts__fact${term === wide ? ' delay-facts__fact--wide' : ''}`} key={term}>
          <dt>{term}</dt>
          <dd title={value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
