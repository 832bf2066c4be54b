// What the Stock/requirements view asks the core: the list of the open item and plant (again whenever
// the plan changes), a receipt's pegging up to the customer orders, a late order's explanation.
import { apiClient } from '../api/client';
import { useNavigationStore } from './navigation-slice';
import { useStockStore, type StockTarget } from './stock-slice';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadStockList(target: StockTarget): Promise<void> {
  try {
    useStockStore.getState().listLoaded(target, await apiClient.invoke('stock.list', target));
  } catch (error) {
    useStockStore.getState().loadFailed(message(error));
  }
}

/** Opens the item's list at the plant, from any view; `focusDocument`: the row of that document is chosen. */
export function openStockList(target: StockTarget, focusDocument?: string): void {
  useStockStore.getState().open(target, focusDocument);
  useNavigationStore.getState().go('stock');
  void loadStockList(target);
}

/** Explains why an order is late, and opens the list of the item it is for. */
export async function explainOrder(orderId: string): Promise<void> {
  try {
    const explanation = await apiClient.invoke('stock.explain', { orderId });
    if (!explanation) {
      // Said where the planner looks, the list left as it was.
      useStockStore.getState().explained(null);
      useNavigationStore.getState().go('stock');
      useStockStore.getState().loadFailed(`order: the plan has no customer order or production order ${orderId} (ids look like CO-0004381 or MO-0001430)`);
      return;
    }
    useStockStore.getState().explained(explanation);
    const top = explanation?.steps[0];
    if (top) openStockList({ itemId: top.itemId, plant: top.plant });
    else useNavigationStore.getState().go('stock');
  } catch (error) {
    useStockStore.getState().loadFailed(message(error));
  }
}

export async function pegUpFrom(target: StockTarget, document: string): Promise<void> {
  try {
    useStockStore.getState().peggedUpLoaded(await apiClient.invoke('stock.pegUp', { ...target, document }));
  } catch (error) {
    useStockStore.getState().loadFailed(message(error));
  }
}

/** The plan changed: the open list asks again (its grid gets the rows that changed). */
export function followPlanChanges(): () => void {
  return apiClient.subscribe('planning.changed', () => {
    const { target } = useStockStore.getState();
    if (target) void loadStockList(target);
  });
}
