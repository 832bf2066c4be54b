// Containment in the disposition panel: which production orders consumed the lot, and the lots made
// from it (the genealogy, indented by depth) with where they are now. While the lot is open for a
// decision each of those lots has a checkbox to block it in the same decision.
import type { CSSProperties } from 'react';
import type { ContainmentLot, QuarantineRow } from '../../../shared/api/quarantine';
import { stockTypeLabels } from '../../format/labels';
import { formatCount, formatQuantity } from '../../format/numbers';
import { useQuarantineStore, type ContainmentState } from '../../state/quarantine-slice';
import { TaskStatePill } from './task-state-pill';
import { isAlreadyBlocked, isChosenToBlock, type ContainmentTicks } from './containment-choice';

interface ContainmentChoice {
  ticks: ContainmentTicks;
  onTick(lotId: string, block: boolean): void;
  disabled: boolean;
}

function whereNow(lot: ContainmentLot): string {
  if (lot.plant === null) return 'Where it is now is not known here';
  const parts = [lot.plant, lot.stockType ? stockTypeLabels[lot.stockType] : null, lot.quantity !== null ? formatQuantity(lot.quantity, lot.unit ?? '') : null];
  return parts.filter((part) => part !== null).join(' · ');
}

/** A lot held here for containment has its own task: its state, and a way to open it. */
function HeldTask({ lotId }: { lotId: string }) {
  const held = useQuarantineStore((state) => state.rowsById[lotId]);
  const select = useQuarantineStore((state) => state.select);
  if (!held) return null;
  return (
    <span className="containment-lot__task" data-testid={`containment-task-${lotId}`}>
      <TaskStatePill state={held.taskState} decidedBy={held.decidedBy} />
      <button type="button" className="button button--small" onClick={() => select(lotId)} aria-label={`Open lot ${lotId}`}>
        Open
      </button>
    </span>
  );
}

function LotLine({ lot, choice, blockedByDecision }: { lot: ContainmentLot; choice?: ContainmentChoice; blockedByDecision: boolean }) {
  const alreadyBlocked = isAlreadyBlocked(lot);
  const text = (
    <span className="containment-lot__text">
      <span className="containment-lot__id">{lot.lotId}</span>
      <span>
        {lot.itemId} — {lot.itemDescription}
      </span>
      <span className="containment-lot__where">
        {whereNow(lot)} · made by {lot.productionOrderId}
      </span>
    </span>
  );
  return (
    <li className="containment-lot" style={{ '--depth': lot.depth - 1 } as CSSProperties} data-testid={`containment-lot-${lot.lotId}`}>
      {choice ? (
        <label className="containment-lot__choice" title={alreadyBlocked ? 'Already blocked' : `Block ${lot.lotId} in this decision`}>
          <input
            type="checkbox"
            checked={alreadyBlocked || isChosenToBlock(lot, choice.ticks)}
            disabled={alreadyBlocked || choice.disabled}
            onChange={(event) => choice.onTick(lot.lotId, event.target.checked)}
            data-testid={`containment-block-${lot.lotId}`}
          />
          {text}
        </label>
      ) : (
        text
      )}
      {alreadyBlocked && <span className="containment-lot__note">already blocked</span>}
      {!alreadyBlocked && blockedByDecision && <span className="containment-lot__note">blocked by this decision</span>}
      <HeldTask lotId={lot.lotId} />
    </li>
  );
}

export function ContainmentSection({ row, containment, choice }: { row: QuarantineRow; containment: ContainmentState | null; choice?: ContainmentChoice }) {
  if (row.consumedQuantity <= 0) {
    return (
      <p className="panel-note" data-testid="containment-none">
        Containment: no production order has consumed this lot, as far as this workstation has heard.
      </p>
    );
  }
  const report = containment?.report ?? null;
  const chosen = report && choice ? report.lots.filter((lot) => isChosenToBlock(lot, choice.ticks)).length : 0;
  return (
    <section className="side-panel__section containment" aria-labelledby="containment-title" data-testid="containment">
      <h3 id="containment-title">Containment</h3>
      <p>
        <strong>{formatQuantity(row.consumedQuantity, row.unit)}</strong> of this lot went into production
        {report ? ` — ${formatCount(report.consumedBy.length, 'production order')}, ${formatCount(report.lots.length, 'lot')} made from it` : ''}.
      </p>
      {containment?.loading && !report && <p className="panel-note">Loading containment…</p>}
      {containment?.error && (
        <p className="form-error" role="alert">
          Containment could not be loaded: {containment.error}
        </p>
      )}
      {report && (
        <>
          <ul className="containment-orders" aria-label="Production orders that consumed the lot">
            {report.consumedBy.map((order) => (
              <li key={order.productionOrderId} data-testid={`containment-order-${order.productionOrderId}`}>
                <span>{order.productionOrderId}</span>
                <span className="containment-orders__quantity">{formatQuantity(order.quantity, order.unit)}</span>
              </li>
            ))}
          </ul>
          {report.lots.length > 0 && (
            <ul className="containment-lots" aria-label="Lots made from it">
              {report.lots.map((lot) => (
                <LotLine key={lot.lotId} lot={lot} {...(choice ? { choice } : {})} blockedByDecision={row.containmentLotIds.includes(lot.lotId)} />
              ))}
            </ul>
          )}
          {choice && report.lots.length > 0 && (
            <p className="panel-note" data-testid="containment-summary">
              {chosen === 0 ? 'No lot made from it is blocked by this decision.' : `${formatCount(chosen, 'lot')} made from it will be blocked with this decision.`}
            </p>
          )}
        </>
      )}
    </section>
  );
}
