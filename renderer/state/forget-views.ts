// Switching user on a shared floor terminal: every view's store goes back to how it starts, so the
// next person sees nothing of what the one before had selected, filtered or typed.
import { useAlertsStore } from './alerts-slice';
import { useApprovalsStore } from './approvals-slice';
import { useImpactStore } from './impact-slice';
import { useQuarantineStore } from './quarantine-slice';
import { useRebalancingStore } from './rebalancing-slice';
import { useScenariosStore } from './scenarios-slice';
import { useStockStore } from './stock-slice';
import { forgetAllUnsentDecisions } from './unsent-decisions';

interface ResettableStore<T> {
  getInitialState(): T;
  setState(state: T, replace: true): void;
}

const reset = <T,>(store: ResettableStore<T>): void => store.setState(store.getInitialState(), true);

export function forgetViews(): void {
  reset(useAlertsStore);
  reset(useApprovalsStore);
  reset(useImpactStore);
  reset(useQuarantineStore);
  reset(useRebalancingStore);
  reset(useScenariosStore);
  reset(useStockStore);
  forgetAllUnsentDecisions();
}
