// What the postings amount to, before they are submitted (and in the summary after): the valuation,
// the usage decision code, the follow-up actions QM starts, and what becomes of the lot's stock. All
// derived with shared/usage-decision.ts, as the core and the gateway derive them.
import { followUpActions, usageDecisionCode, usageValuation, type UsagePosting } from '../../../shared/usage-decision';
import { valuationLabels } from '../../format/labels';
import { describeLotOutcome } from './quarantine-format';

interface PreviewProps {
  lotId: string;
  postings: readonly UsagePosting[];
  unit: string;
  title?: string;
  /** While the parts do not add up to the lot, what is missing (describeUnposted): shown instead of the outcome. */
  unposted?: string | null;
}

export function UsageDecisionPreview({ lotId, postings, unit, title = 'If submitted', unposted = null }: PreviewProps) {
  if (postings.length === 0) return null;
  if (unposted !== null) {
    return (
      <section className="usage-preview usage-preview--incomplete" aria-label={title} data-testid="usage-decision-preview">
        <p className="usage-preview__title">{title}</p>
        <p data-testid="usage-preview-unposted">
          <strong>{unposted}</strong> — the valuation and the usage decision code follow once the parts add up to the lot.
        </p>
      </section>
    );
  }
  const valuation = usageValuation(postings);
  const code = usageDecisionCode(postings);
  const followUps = followUpActions(postings);
  return (
    <section className={`usage-preview usage-preview--${valuation}`} aria-label={title} data-testid="usage-decision-preview">
      <p className="usage-preview__title">{title}</p>
      <dl className="facts">
        <div className="facts__row">
          <dt>Valuation</dt>
          <dd data-testid="usage-valuation">{valuationLabels[valuation]}</dd>
        </div>
        <div className="facts__row">
          <dt>UD code</dt>
          <dd data-testid="usage-code">
            <strong>{code.code}</strong> — {code.text}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Follow-up</dt>
          <dd data-testid="usage-follow-ups">{followUps.length === 0 ? 'None' : followUps.join('; ')}</dd>
        </div>
        <div className="facts__row">
          <dt>Stock after</dt>
          <dd>
            {describeLotOutcome(lotId, postings, unit).map((line) => (
              <span key={line} className="usage-preview__line">
                {line}
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </section>
  );
}
