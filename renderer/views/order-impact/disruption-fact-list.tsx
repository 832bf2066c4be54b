/** The facts of a disruption as term and value; the wide ones take the whole row. */
export function DisruptionFactList({ facts, wide, testId }: { facts: readonly (readonly [string, string])[]; wide: string | readonly string[]; testId: string }) {
  const wideTerms: readonly string[] = typeof wide === 'string' ? [wide] : wide;
  return (
    <dl className="delay-facts" data-testid={testId}>
      {facts.map(([term, value]) => (
        <div className={`delay-facts__fact${wideTerms.includes(term) ? ' delay-facts__fact--wide' : ''}`} key={term}>
          <dt>{term}</dt>
          <dd title={value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
