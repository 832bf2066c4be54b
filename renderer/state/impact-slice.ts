// Exceptions of the Order Impact view, the planner's selection and the selected exception's orders.
// The reducers are pure functions over plain data, so the grids can turn each change into an AG Grid
// transaction and tests need no DOM. The bridge and the detail loader call the actions.
import { create } from 'zustand';
import type { ExceptionDetail, ExceptionRow, ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../shared/api/impact';
import { rowsByIdKeepingUnchanged } from '../grid/row-delta';

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
  detailLoading: boolean;
  detailError: string | null;
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
  detailLoading: false,
  detailError: null,
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

/** Pushed rows in arrival order (the last of one exception wins); the state is the same object if none changed anything. */
export function withExceptionsChanged<D extends ImpactData>(data: D, rows: readonly ExceptionRow[]): D {
  const changed = Object.entries(rowsByIdKeepingUnchanged(rows, byId, data.exceptionsById)).filter(([id, row]) => data.exceptionsById[id] !== row);
  return changed.length === 0 ? data : { ...data, exceptionsById: { ...data.exceptionsById, ...Object.fromEntries(changed) } };
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
    detailLoading: exceptionId !== null,
    detailError: null,
  };
}

export function withDetailRequested<D extends ImpactData>(data: D, exceptionId: string): D {
  if (exceptionId !== data.selectedExceptionId) return data;
  return { ...data, detailLoading: true };
}

/** An answer for an exception no longer selected is dropped; a reload of the same one keeps unchanged rows. */
export function withDetailLoaded<D extends ImpactData>(data: D, detail: ExceptionDetail): D {
  if (detail.exception.id !== data.selectedExceptionId) return data;
  const sameException = data.detail?.exception.id === detail.exception.id;
  return {
    ...data,
    detail,
    customerOrdersById: rowsByIdKeepingUnchanged(detail.customerOrders, byId, sameException ? data.customerOrdersById : {}),
    productionOrdersById: rowsByIdKeepingUnchanged(detail.productionOrders, byId, sameException ? data.productionOrdersById : {}),
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
 * Which exception's detail must be (re)loaded after a state change: a new selection, or a pushed change
 * of the selected exception. Null when nothing needs loading.
 */
export function detailToLoad(previous: ImpactData, next: ImpactData): string | null {
  const id = next.selectedExceptionId;
  if (id === null) return null;
  if (id !== previous.selectedExceptionId) return id;
  return next.exceptionsById[id] !== previous.exceptionsById[id] ? id : null;
}
