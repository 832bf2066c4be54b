// The chosen row's pegging: for a requirement, the receipts that cover it and how much of each, and
// the day it is covered; for a receipt, the requirements it covers and, on asking, the way up the bill
// of materials to the customer orders at the top with their value and priority.
import type { PeggedUpNode } from '../../../shared/api/stock-requirements';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatPlanDate } from '../../format/time';
import { explainOrder, pegUpFrom } from '../../state/stock-actions';
import { useStockStore, type StockGridRow } from '../../state/stock-slice';
import { describePart, isReceipt, stockKindLabels } from './stock-format';

function PeggedUpTree({ nodes }: { nodes: PeggedUpNode[] }) {
  return (
    <ul className="pegged-up">
      {nodes.map((node, at) => (
        <li key={`${node.kind}-${node.document}-${at}`}>
          <span className="cell-strong">{stockKindLabels[node.kind]} {node.document}</span> · {node.itemId} @ {node.plant} · {formatQuantity(node.quantity, node.unit)} needed {formatPlanDate(node.date)}
          {(node.daysLate ?? 1) > 0 && <span className="text-danger"> · {node.daysLate === null ? 'never covered' : `+${node.daysLate} d`}</span>}
          {node.customer && (
            <span>
              {' '}
              · {node.customer.customerId}, {formatMoney(node.customer.value)}, priority {node.customer.priority}
            </span>
          )}
          {node.above.length > 0 && <PeggedUpTree nodes={node.above} />}
        </li>
      ))}
    </ul>
  );
}

export function PeggingPanel({ row }: { row: StockGridRow }) {
  const list = useStockStore((state) => state.list);
  const peggedUp = useStockStore((state) => state.peggedUp);
  if (!list) return null;
  const unit = list.unit;
  const explainable = row.kind === 'customer-order' || row.kind === 'component' || row.kind === 'production-output';
  return (
    <aside className="side-panel stock-pegging" aria-label="Pegging" data-testid="pegging-panel">
      <header className="side-panel__header">
        <div>
          <div className="side-panel__eyebrow">{stockKindLabels[row.kind]}</div>
          <h2>{row.document || list.itemId}</h2>
        </div>
        <button type="button" className="button button--small" onClick={() => useStockStore.getState().select(null)} aria-label="Close the pegging">
          ×
        </button>
      </header>
      <div className="stock-pegging__body">
        <p>
          {formatQuantity(Math.abs(row.quantity), unit)} on {formatPlanDate(row.date)} · {row.status}
          {row.partner ? ` · ${row.partner}` : ''}
        </p>
        {row.pegged && (
          <>
            <h3>Covered by</h3>
            {row.pegged.from.length === 0 ? <p className="panel-note">Nothing covers it.</p> : (
              <ul data-testid="pegged-from">
                {row.pegged.from.map((part) => (
                  <li key={`${part.kind}-${part.document}`}>{describePart(part, unit)}</li>
                ))}
              </ul>
            )}
            <p data-testid="covered-date">
              {row.pegged.coveredDate === null ? <span className="text-danger">Never covered: short by {formatQuantity(-row.quantity - row.pegged.from.reduce((sum, part) => sum + part.quantity, 0), unit)}</span> : <>Covered {formatPlanDate(row.pegged.coveredDate)}{(row.pegged.daysLate ?? 0) > 0 && <span className="text-danger"> · {row.pegged.daysLate} d late</span>}</>}
            </p>
          </>
        )}
        {row.covers && (
          <>
            <h3>Covers</h3>
            {row.covers.length === 0 ? <p className="panel-note">No requirement takes it yet.</p> : (
              <ul data-testid="covers">
                {row.covers.map((part) => (
                  <li key={`${part.kind}-${part.document}`}>{describePart(part, unit)}</li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="stock-pegging__actions">
          {isReceipt(row.kind) && (
            <button type="button" className="button" onClick={() => void pegUpFrom({ itemId: list.itemId, plant: list.plant }, row.document)} data-testid="peg-up">
              Up to the customer orders
            </button>
          )}
          {explainable && (
            <button type="button" className="button" onClick={() => void explainOrder(row.document)} data-testid="why-late">
              Why late?
            </button>
          )}
        </div>
        {peggedUp && peggedUp.receipt.document === row.document && (
          <section aria-label="Pegged requirements" data-testid="pegged-up">
            <h3>Up to the customer orders</h3>
            {peggedUp.customerOrders.length === 0 ? <p className="panel-note">It reaches no customer order.</p> : (
              <p>
                {peggedUp.customerOrders.length} customer order{peggedUp.customerOrders.length === 1 ? '' : 's'}, {formatMoney(peggedUp.customerOrders.reduce((sum, order) => sum + order.value, 0))}
              </p>
            )}
            <PeggedUpTree nodes={peggedUp.covers} />
          </section>
        )}
      </div>
    </aside>
  );
}
