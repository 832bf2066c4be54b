// The item search of the Stock/requirements view: an item id or words of its description; each hit
// offers the plants the plan has it at. And an order's explanation by its id.
import { useEffect, useState, type FormEvent } from 'react';
import type { StockItemHit } from '../../../shared/api/stock-requirements';
import { apiClient } from '../../api/client';
import { explainOrder, openStockList } from '../../state/stock-actions';

const searchDelayMs = 200;

export function StockSearch() {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<StockItemHit[] | null>(null);
  const [order, setOrder] = useState('');

  useEffect(() => {
    const wanted = text.trim();
    if (wanted === '') {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      apiClient.invoke('stock.search', { text: wanted }).then(
        (found) => current && setHits(found),
        () => current && setHits([]),
      );
    }, searchDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const explain = (event: FormEvent) => {
    event.preventDefault();
    if (order.trim() !== '') void explainOrder(order.trim().toUpperCase());
  };

  return (
    <div className="stock-search">
      <div className="stock-search__item">
        <label className="search-field">
          <span className="visually-hidden">Find an item</span>
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Item id or description…" data-testid="stock-search" />
        </label>
        {hits !== null && (
          <ul className="stock-search__hits" data-testid="stock-search-hits">
            {hits.length === 0 && <li className="panel-note">No item with supply or demand matches “{text.trim()}”.</li>}
            {hits.map((hit) => (
              <li key={hit.itemId}>
                <span className="stock-search__item-id">{hit.itemId}</span> <span className="stock-search__description">{hit.description}</span>
                <span className="stock-search__plants">
                  {hit.plants.map((plant) => (
                    <button
                      key={plant}
                      type="button"
                      className="button button--small"
                      data-testid={`open-stock-${hit.itemId}-${plant}`}
                      onClick={() => {
                        openStockList({ itemId: hit.itemId, plant });
                        setHits(null);
                        setText('');
                      }}
                    >
                      {plant}
                    </button>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <form className="stock-search__order" onSubmit={explain}>
        <label className="search-field">
          <span className="visually-hidden">Explain an order</span>
          <input type="search" value={order} onChange={(event) => setOrder(event.target.value)} placeholder="Why late? Order id…" data-testid="explain-order-id" />
        </label>
        <button type="submit" className="button" disabled={order.trim() === ''} data-testid="explain-order">
          Explain
        </button>
      </form>
    </div>
  );
}
