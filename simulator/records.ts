// The simulator's own records, as its store holds them and its inspection API returns them.
import type { StockType } from '../shared/domain';

export interface PlantRecord {
  id: string;
  name: string;
}

export interface ItemRecord {
  id: string;
  description: string;
  /** A unit of the master data's units of measure. */
  unit: string;
  /** A purchased item's usual supplier (new lots of it come from there); none for what is made in-house. */
  supplierId?: string;
}

export interface SupplierRecord {
  id: string;
  name: string;
}

export interface LotRecord {
  lotId: string;
  itemId: string;
  plant: string;
  quantity: number;
  unit: string;
  stockType: StockType;
  supplierId?: string;
  version: number;
  /** The open or last inspection lot, when the lot went through incoming inspection. */
  inspectionLotId?: string;
}

export type CommandStatus = 'accepted' | 'rejected';

export interface CommandRecord {
  commandId: string;
  type: string;
  /** The command as received (parsed when it parsed, raw otherwise). */
  body: unknown;
  status: CommandStatus;
  reason?: string;
  version?: number;
  receivedAt: string;
}

export interface DeliveryRecord {
  id: number;
  /** Null when the message carried no usable commandId. */
  commandId: string | null;
  clientId: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
  version?: number;
  /** True when a scripted fault (dropReplies) swallowed the reply. */
  replyDropped: boolean;
  receivedAt: string;
}
