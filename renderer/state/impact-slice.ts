// Exceptions of the Order Impact view, the planner's selection and the selected exception's orders.
// The reducers are pure functions over plain data, so the grids can turn each change into an AG Grid
// transaction and tests need no DOM. The bridge and the detail loader call the actions.
import { create } from 'zustand';
import type { ExceptionDetail, ExceptionRow, ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../shared/api/impact';
import { rowsByIdKeepingUnchanged } from '../grid/row-delta';
import {
  draftsAfterLoad,
  heldUpOrdersOf,
  withOrderRerouted,
  withRerouteFailed,
  withRerouteSending,
  withRerouteTarget,
  withSentReroutes,
  type HeldUpOrdersById,
  type RerouteDrafts,
  type RerouteTarget,
} from './impact-reroutes';

export type ExceptionsById = Readonly<Record<string, ExceptionRow>>;
export type CustomerOrdersById = Readonly<Record<string, ImpactedCustomerOrderRow>>;
export type ProductionOrdersById = Readonly<Record<string, ImpactedProductionOrderRow>>;

export interface ImpactData {
  exceptionsById: ExceptionsById;
  loaded: boolean;
  loadError: string | null;
  selectedExceptionId: string | null;
  /** Always the selected exception's, or null until it has loaded. */
  detail: ExceptionDetail | null;
  /** The detail's orders by id, for the grids' transactions. */
  customerOrdersById: CustomerOrdersById;
  productionOrdersById: ProductionOrdersById;
  /** A line stop's held-up orders by production order id; empty for any other exception. */
  heldUpOrdersById: HeldUpOrdersById;
  /** The planner's reroutes of the selected line stop's orders, by production order id. */
  reroutes: RerouteDrafts;
  detailLoading: boolean;
  detailError: string | null;
  /**
   * Counts pushes of the selected exception, changed row or not: a push also means its detail changed
   * (a reroute changes a line stop's orders and none of the row's figures), so the detail is reloaded.
   */
  selectedPushes: number;
}

export interface ImpactActions {
  exceptionsLoaded(rows: readonly ExceptionRow[]): void;
  exceptionChanged(row: ExceptionRow): void;
  /** Pushed rows gathered over a moment, in arrival order: one state change for all of them. */
  exceptionsChanged(rows: readonly ExceptionRow[]): void;
  loadFailed(message: string): void;
  select(exceptionId: string | null): void;
  detailRequested(exceptionId: string): void;
  detailLoaded(detail: ExceptionDetail): void;
  detailFailed(exceptionId: string, message: string): void;
  rerouteTargetChosen(exceptionId: string, productionOrderId: string, target: string): void;
  rerouteSending(exceptionId: string, productionOrderId: string): void;
  rerouteFailed(exceptionId: string, productionOrderId: string, message: string): void;
  orderRerouted(exceptionId: string, productionOrderId: string, sent: RerouteTarget): void;
}

export type ImpactState = ImpactData & ImpactActions;

export const initialImpactData: ImpactData = {
  exceptionsById: {},
  loaded: false,
  loadError: null,
  selectedExceptionId: null,
  detail: null,
  customerOrdersById: {},
  productionOrdersById: {},
  heldUpOrdersById: {},
  reroutes: {},
  detailLoading: false,
  detailError: null,
  selectedPushes: 0,
};

const byId = (row: { id: string }) => row.id;

/** A reload keeps the objects of unchanged rows, so the grid's transaction holds only real changes. */
export function withExceptionsLoaded<D extends ImpactData>(data: D, rows: readonly ExceptionRow[]): D {
  return { ...data, exceptionsById: rowsByIdKeepingUnchanged(rows, byId, data.exceptionsById), loaded: true, loadError: null };
}

/** A pushed row replaces its exception; a repeat of what is already shown changes nothing. */
export function withExceptionChanged<D extends ImpactData>(data: D, row: ExceptionRow): D {
  return withExceptionsChanged(data, [row]);
}

/**
 * Pushed rows in arrival order (the last of one exception wins); the state is the same object if none
 * changed anything and none is the selected exception's.
 */
export function withExceptionsChanged<D extends ImpactData>(data: D, rows: readonly ExceptionRow[]): D {
  const changed = Object.entries(rowsByIdKeepingUnchanged(rows, byId, data.exceptionsById)).filter(([id, row]) => data.exceptionsById[id] !== row);
  const selectedPushed = data.selectedExceptionId !== null && rows.some((row) => row.id === data.selectedExceptionId);
  if (changed.length === 0 && !selectedPushed) return data;
  return {
    ...data,
    exceptionsById: changed.length === 0 ? data.exceptionsById : { ...data.exceptionsById, ...Object.fromEntries(changed) },
    selectedPushes: selectedPushed ? data.selectedPushes + 1 : data.selectedPushes,
  };
}

/** A new selection drops the previous exception's orders at once: they must never show under another header. */
export function withSelection<D extends ImpactData>(data: D, exceptionId: string | null): D {
  if (exceptionId === data.selectedExceptionId) return data;
  return {
    ...data,
    selectedExceptionId: exceptionId,
    detail: null,
    customerOrdersById: {},
    productionOrdersById: {},
    heldUpOrdersById: {},
    reroutes: {},
    detailLoading: exceptionId !== null,
    detailError: null,
  };
}

export function withDetailRequested<D extends ImpactData>(data: D, exceptionId: string): D {
  if (exceptionId !== data.selectedExceptionId) return data;
  return { ...data, detailLoading: true };
}

/**
 * An answer for an exception no longer selected is dropped; a reload of the same one keeps unchanged
 * rows, and reroutes the host took that it does not report yet.
 */
export function withDetailLoaded<D extends ImpactData>(data: D, loaded: ExceptionDetail): D {
  if (loaded.exception.id !== data.selectedExceptionId) return data;
  const sameException = data.detail?.exception.id === loaded.exception.id;
  const detail = withSentReroutes(loaded, data.reroutes);
  return {
    ...data,
    detail,
    customerOrdersById: rowsByIdKeepingUnchanged(detail.customerOrders, byId, sameException ? data.customerOrdersById : {}),
    productionOrdersById: rowsByIdKeepingUnchanged(detail.productionOrders, byId, sameException ? data.productionOrdersById : {}),
    heldUpOrdersById: heldUpOrdersOf(detail, sameException ? data.heldUpOrdersById : {}),
    reroutes: draftsAfterLoad(loaded, data.reroutes),
    detailLoading: false,
    detailError: null,
  };
}

/** A failed reload keeps what was shown, with the error beside it. */
export function withDetailFailed<D extends ImpactData>(data: D, exceptionId: string, message: string): D {
  if (exceptionId !== data.selectedExceptionId) return data;
  return { ...data, detailLoading: false, detailError: message };
}

export function createImpactStore() {
  return create<ImpactState>()((set) => ({
    ...initialImpactData,
    exceptionsLoaded: (rows) => set((state) => withExceptionsLoaded(state, rows)),
    exceptionChanged: (row) => set((state) => withExceptionChanged(state, row)),
    exceptionsChanged: (rows) => set((state) => withExceptionsChanged(state, rows)),
    loadFailed: (message) => set({ loadError: message }),
    select: (exceptionId) => set((state) => withSelection(state, exceptionId)),
    detailRequested: (exceptionId) => set((state) => withDetailRequested(state, exceptionId)),
    detailLoaded: (detail) => set((state) => withDetailLoaded(state, detail)),
    detailFailed: (exceptionId, message) => set((state) => withDetailFailed(state, exceptionId, message)),
    rerouteTargetChosen: (exceptionId, productionOrderId, target) => set((state) => withRerouteTarget(state, exceptionId, productionOrderId, target)),
    rerouteSending: (exceptionId, productionOrderId) => set((state) => withRerouteSending(state, exceptionId, productionOrderId)),
    rerouteFailed: (exceptionId, productionOrderId, message) => set((state) => withRerouteFailed(state, exceptionId, productionOrderId, message)),
    orderRerouted: (exceptionId, productionOrderId, sent) => set((state) => withOrderRerouted(state, exceptionId, productionOrderId, sent)),
  }));
}
export type ImpactStore = ReturnType<typeof createImpactStore>;

export const useImpactStore = createImpactStore();

/** The selected exception as the grid last heard of it (pushed rows are newer than the loaded detail). */
export const selectSelectedException = (state: ImpactData): ExceptionRow | null => {
  const id = state.selectedExceptionId;
  if (id === null) return null;
  return state.exceptionsById[id] ?? (state.detail?.exception.id === id ? state.detail.exception : null);
};

/** The selected exception has loaded and makes no order later: only its facts are worth the room. */
export const selectNothingLater = (state: ImpactData): boolean =>
  state.detail !== null && state.detail.customerOrders.length === 0 && state.detail.productionOrders.length === 0;

/**
 * Which exception's detail must be (re)loaded after a state change: a new selection, or a push of the
 * selected exception (its row changed, or only its detail did). Null when nothing needs loading.
 */
export function detailToLoad(previous: ImpactData, next: ImpactData): string | null {
  const id = next.selectedExceptionId;
  if (id === null) return null;
  if (id !== previous.selectedExceptionId) return id;
  return next.exceptionsById[id] !== previous.exceptionsById[id] || next.selectedPushes !== previous.selectedPushes ? id : null;
}
