// The stock/requirements list of an item at a plant (as SAP's MD04 shows it) and its pegging (MD09),
// as the core answers them and the CLI prints them.
import { z } from 'zod';
import { idSchema, type StockType } from '../domain';

export type ReceiptKind = 'po-line' | 'production-output' | 'transfer-in';
export type RequirementKind = 'component' | 'customer-order' | 'transfer-out';
export type StockRequirementKind = 'stock' | 'safety-stock' | ReceiptKind | RequirementKind;

/** A part of a receipt pegged to a requirement, or of a requirement covered by a receipt. */
export interface PeggedPart {
  kind: ReceiptKind | RequirementKind | 'stock';
  document: string;
  /** The day of the receipt, or the need date of the requirement. */
  date: string;
  quantity: number;
}

export interface StockRequirementRow {
  /** YYYY-MM-DD: a receipt's planned day, a requirement's need date. */
  date: string;
  kind: StockRequirementKind;
  /** PO line, production order, customer order, stock transport order; empty for stock. */
  document: string;
  /** Receipts positive, requirements negative. */
  quantity: number;
  /** In words: "ASN AS-12", "confirmed", "late +3 d (due 05 Dec 2026)", "in transit", "covered", "not covered". */
  status: string;
  /** What the row is for or from: the supplier, the parent item, the customer, the other plant. */
  partner: string;
  /** The available quantity after this row, in date order, safety stock taken off (as MD04 counts it). */
  available: number;
  /** Short after this row: more is required than stock and receipts bring, safety stock aside. */
  short: boolean;
  /** Not short, but into the safety stock after this row. */
  belowSafetyStock: boolean;
  /** A requirement: the receipts pegged to it, how much of each, and the day it is covered (null: never). */
  pegged?: { from: PeggedPart[]; coveredDate: string | null; daysLate: number | null };
  /** A receipt: the requirements it covers, how much of each. */
  covers?: PeggedPart[];
}

export interface StockRequirementsList {
  itemId: string;
  plant: string;
  description: string;
  unit: string;
  today: string;
  /** Stock by stock type now; in transit is inbound transfers shipped and not yet arrived. */
  stock: Record<StockType, number>;
  lots: { lotId: string; quantity: number; stockType: StockType }[];
  safetyStock: number;
  rows: StockRequirementRow[];
}

/** A requirement a receipt covers, and above it what that requirement's order covers in turn, up to the customer orders. */
export interface PeggedUpNode {
  kind: RequirementKind;
  document: string;
  itemId: string;
  plant: string;
  /** The need date. */
  date: string;
  /** How much of the receipt below goes to it, in the unit of that receipt's item. */
  quantity: number;
  unit: string;
  daysLate: number | null;
  /** A customer order at the top: its customer, value and priority. */
  customer?: { customerId: string; value: number; priority: number };
  above: PeggedUpNode[];
}

export interface PeggedUp {
  itemId: string;
  plant: string;
  receipt: PeggedPart;
  covers: PeggedUpNode[];
  /** The customer orders at the top of every branch, each once, by need date. */
  customerOrders: { document: string; customerId: string; date: string; value: number; priority: number; daysLate: number | null }[];
}

export interface ExplanationStep {
  /** 0 for the order asked about, 1 for what it waits for, and so on down. */
  level: number;
  kind: 'customer-order' | 'production-order' | 'component' | 'po-line' | 'transfer-in' | 'stock' | 'missing';
  document: string;
  itemId: string;
  plant: string;
  /** The day it is needed, or for a receipt the day it was needed by. */
  needDate: string;
  /** The day it is covered (a receipt: the day it arrives); null when never. */
  coveredDate: string | null;
  daysLate: number | null;
  text: string;
}

export interface LateExplanation {
  orderId: string;
  daysLate: number | null;
  /** The late or missing receipt at the bottom, in a sentence; null when the order is on time. */
  because: string | null;
  steps: ExplanationStep[];
}

/** An item found by the search field, with the plants where the plan has supply or demand of it. */
export interface StockItemHit {
  itemId: string;
  description: string;
  unit: string;
  plants: string[];
}

export const stockArgSchemas = {
  'stock.list': z.object({ itemId: idSchema, plant: idSchema }),
  'stock.pegUp': z.object({ itemId: idSchema, plant: idSchema, document: idSchema }),
  'stock.explain': z.object({ orderId: idSchema }),
  'stock.search': z.object({ text: z.string().trim().min(1).max(100) }),
} as const;

export interface StockApi {
  /** The item's list at the plant; null before planning data arrived or for an item the plan does not know. */
  'stock.list': (args: { itemId: string; plant: string }) => StockRequirementsList | null;
  /** From a receipt (its document) up the bill of materials to the customer orders at the top. */
  'stock.pegUp': (args: { itemId: string; plant: string; document: string }) => PeggedUp | null;
  /** Why a customer or production order is late, down to the receipt. */
  'stock.explain': (args: { orderId: string }) => LateExplanation | null;
  /** Items whose id or description holds the text, at most 20. */
  'stock.search': (args: { text: string }) => StockItemHit[];
}
