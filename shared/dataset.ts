// The planning dataset: master data and open supply and demand of a multi-plant business. The
// simulator generates it, the CLI writes and reads it as JSON, the core plans on it.
import { z } from 'zod';
import { idSchema, quantitySchema, stockTypeSchema } from './domain';
import { currencySchema, standardUnits, unitOfMeasureSchema } from './units';

/** A calendar day, YYYY-MM-DD. Planning works in whole days. */
export const planDateSchema = z.iso.date();

export const planPlantSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  role: z.enum(['high-volume', 'custom', 'overflow']),
});

export const planItemSchema = z.object({
  id: idSchema,
  description: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(['purchased', 'manufactured']),
  /** Purchased items: who can supply it, the usual supplier first. */
  supplierIds: z.array(idSchema).default([]),
  /** Days from order to receipt (purchased) or from start to finish (manufactured). */
  leadTimeDays: z.number().int().nonnegative(),
});

export const bomLineSchema = z.object({
  parentItemId: idSchema,
  componentItemId: idSchema,
  quantityPer: z.number().positive(),
  /** Substitute components that may replace this one, in order of preference. */
  alternates: z.array(idSchema).default([]),
});

export const supplierSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** Share of the last deliveries that arrived on or before the confirmed date, 0..1. */
  onTimeRate: z.number().min(0).max(1),
});

export const poLineSchema = z.object({
  id: idSchema,
  supplierId: idSchema,
  itemId: idSchema,
  plant: idSchema,
  quantity: quantitySchema,
  /** When the receipt is expected: the ASN's date, else the confirmed date, else the requested one. */
  expectedDate: planDateSchema,
  confirmed: z.boolean(),
  asnId: idSchema.nullable(),
});

export const componentRequirementSchema = z.object({ itemId: idSchema, quantity: quantitySchema });

export const productionOrderSchema = z.object({
  id: idSchema,
  itemId: idSchema,
  plant: idSchema,
  line: idSchema,
  quantity: quantitySchema,
  startDate: planDateSchema,
  dueDate: planDateSchema,
  priority: z.number().int(),
  components: z.array(componentRequirementSchema),
});

export const customerOrderSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  itemId: idSchema,
  plant: idSchema,
  quantity: quantitySchema,
  shipDate: planDateSchema,
  /** Order value in the company currency. */
  value: z.number().nonnegative(),
  priority: z.number().int(),
});

export const planLotSchema = z.object({
  lotId: idSchema,
  itemId: idSchema,
  plant: idSchema,
  quantity: quantitySchema,
  stockType: stockTypeSchema,
});

/** A stock transport order between plants. */
export const transferSchema = z.object({
  id: idSchema,
  itemId: idSchema,
  fromPlant: idSchema,
  toPlant: idSchema,
  quantity: quantitySchema,
  shipDate: planDateSchema,
  arrivalDate: planDateSchema,
});

export const laneSchema = z.object({
  fromPlant: idSchema,
  toPlant: idSchema,
  costPerUnit: z.number().nonnegative(),
  transitDays: z.number().int().nonnegative(),
});

/** The stock a plant keeps of an item against variation in demand and supply; rebalancing keeps it. */
export const safetyStockSchema = z.object({
  itemId: idSchema,
  plant: idSchema,
  quantity: quantitySchema,
});

/** What a production line can make in a day, in units of output whatever the item. */
export const lineCapacitySchema = z.object({
  plant: idSchema,
  line: idSchema,
  capacityPerDay: quantitySchema,
});

/** A line that can make an item. */
export const routingSchema = z.object({
  itemId: idSchema,
  plant: idSchema,
  line: idSchema,
});

export const datasetSchema = z.object({
  schemaVersion: z.literal(1),
  seed: z.number().int(),
  scale: z.number().positive(),
  /** The day the plan starts from: on-hand stock is available from then. */
  today: planDateSchema,
  /** The currency order values are in. */
  currency: currencySchema.default('EUR'),
  /** Units of measure with their decimals; items' units are among them. */
  units: z.array(unitOfMeasureSchema).default(() => [...standardUnits]),
  plants: z.array(planPlantSchema),
  items: z.array(planItemSchema),
  bomLines: z.array(bomLineSchema),
  suppliers: z.array(supplierSchema),
  poLines: z.array(poLineSchema),
  productionOrders: z.array(productionOrderSchema),
  customerOrders: z.array(customerOrderSchema),
  lots: z.array(planLotSchema),
  transfers: z.array(transferSchema),
  lanes: z.array(laneSchema),
  /** Absent in datasets written before rebalancing: none kept. */
  safetyStocks: z.array(safetyStockSchema).default([]),
  /** Absent in datasets written before line capacity: no line has room for another order. */
  lines: z.array(lineCapacitySchema).default([]),
  routings: z.array(routingSchema).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type PoLine = z.infer<typeof poLineSchema>;
export type ProductionOrder = z.infer<typeof productionOrderSchema>;
export type CustomerOrder = z.infer<typeof customerOrderSchema>;
export type PlanLot = z.infer<typeof planLotSchema>;
export type Transfer = z.infer<typeof transferSchema>;
export type BomLine = z.infer<typeof bomLineSchema>;
export type PlanItem = z.infer<typeof planItemSchema>;
export type Supplier = z.infer<typeof supplierSchema>;
export type Lane = z.infer<typeof laneSchema>;
export type SafetyStock = z.infer<typeof safetyStockSchema>;
export type LineCapacity = z.infer<typeof lineCapacitySchema>;
export type Routing = z.infer<typeof routingSchema>;
export type PlanPlant = z.infer<typeof planPlantSchema>;
