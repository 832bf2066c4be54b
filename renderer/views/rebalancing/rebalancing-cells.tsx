// Cells of the rebalancing grid: the item over its description, the status pill and the per-row accept button.
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useState } from 'react';
import type { RebalancingProposal } from '../../../shared/api/rebalancing';
import { TwoLineCell } from '../../grid/two-line-cell';
import { useSessionStore } from '../../state/session-slice';
import { cannotRebalanceReason, decidedText, proposalStatusLabels } from './proposal-status';
import { acceptProposals } from './rebalancing-actions';

export function ProposalItemCell({ data }: CustomCellRendererProps<RebalancingProposal>) {
  return data ? <TwoLineCell primary={data.itemId} secondary={data.itemDescription} /> : null;
}

export function ProposalStatusCell({ data }: CustomCellRendererProps<RebalancingProposal>) {
  if (!data) return null;
  const title = data.reason ?? (data.transferId ? `Transfer ${data.transferId}` : undefined);
  return (
    <span className={`pill rebalancing-pill--${data.status}`} data-testid={`proposal-status-${data.status}`} title={title}>
      {proposalStatusLabels[data.status]}
    </span>
  );
}

export function AcceptCell({ data }: CustomCellRendererProps<RebalancingProposal>) {
  const [busy, setBusy] = useState(false);
  const notYours = useSessionStore((state) => cannotRebalanceReason(state.session?.role ?? null));
  if (!data) return null;
  // Decided: who did it, where the button was.
  if (data.status !== 'proposed') {
    const by = decidedText(data);
    return by ? (
      <span className="proposal-decided-by" data-testid="proposal-decided-by" title={data.reason ?? undefined}>
        {by}
      </span>
    ) : null;
  }
  return (
    <button
      type="button"
      className="button button--small rebalancing-accept"
      data-testid="accept-proposal"
      disabled={busy || notYours !== null}
      title={notYours ?? undefined}
      aria-label={`Accept the transfer of ${data.itemId} from ${data.fromPlant} to ${data.toPlant}`}
      onClick={() => {
        setBusy(true);
        void acceptProposals([data.id]).finally(() => setBusy(false));
      }}
    >
      Accept
    </button>
  );
}
