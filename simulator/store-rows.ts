// SQLite rows of the simulator's tables and their mapping to records (null columns become absent fields).
import type { StockType } from '../shared/domain';
import type { CommandRecord, DeliveryRecord, LotRecord } from './records';

export interface LotRow {
  lot_id: string;
  item_id: string;
  plant: string;
  quantity: number;
  unit: string;
  stock_type: StockType;
  supplier_id: string | null;
  version: number;
  inspection_lot_id: string | null;
}

export interface CommandRow {
  command_id: string;
  type: string;
  body: string;
  status: CommandRecord['status'];
  reason: string | null;
  version: number | null;
  received_at: string;
}

export interface DeliveryRow {
  id: number;
  command_id: string | null;
  client_id: string;
  status: DeliveryRecord['status'];
  reason: string | null;
  version: number | null;
  reply_dropped: number;
  received_at: string;
}

export const lotFromRow = (row: LotRow): LotRecord => ({
  lotId: row.lot_id,
  itemId: row.item_id,
  plant: row.plant,
  quantity: row.quantity,
  unit: row.unit,
  stockType: row.stock_type,
  ...(row.supplier_id === null ? {} : { supplierId: row.supplier_id }),
  version: row.version,
  ...(row.inspection_lot_id === null ? {} : { inspectionLotId: row.inspection_lot_id }),
});

export const commandFromRow = (row: CommandRow): CommandRecord => ({
  commandId: row.command_id,
  type: row.type,
  body: JSON.parse(row.body) as unknown,
  status: row.status,
  ...(row.reason === null ? {} : { reason: row.reason }),
  ...(row.version === null ? {} : { version: row.version }),
  receivedAt: row.received_at,
});

export const deliveryFromRow = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  commandId: row.command_id,
  clientId: row.client_id,
  status: row.status,
  ...(row.reason === null ? {} : { reason: row.reason }),
  ...(row.version === null ? {} : { version: row.version }),
  replyDropped: row.reply_dropped === 1,
  receivedAt: row.received_at,
});
