// Descriptions for generated items and suppliers, in the vocabulary of a hydraulics and motion
// components maker, so a planner reading the grids sees plausible parts.
import type { Random } from '../random';

const finishedFamilies = ['Hydraulic cylinder', 'Power unit', 'Valve bank', 'Gear pump unit', 'Linear actuator', 'Rotary actuator', 'Filter station', 'Accumulator module'];
const assemblyFamilies = ['Piston assembly', 'Valve block assembly', 'Cylinder tube assembly', 'Motor-pump group', 'Manifold assembly', 'Gland assembly', 'Control panel', 'Hose kit'];
const machinedFamilies = ['Machined piston', 'Machined end cap', 'Valve spool', 'Honed tube', 'Machined manifold', 'Rod eye', 'Mounting flange', 'Shaft'];
const purchasedFamilies: readonly { name: string; unit: string }[] = [
  { name: 'Steel bar 42CrMo4', unit: 'M' },
  { name: 'Hydraulic tube E355', unit: 'M' },
  { name: 'Chrome-plated rod', unit: 'M' },
  { name: 'Aluminium sheet 5754', unit: 'KG' },
  { name: 'Casting EN-GJS-400', unit: 'EA' },
  { name: 'O-ring NBR 70', unit: 'EA' },
  { name: 'Rod seal PU', unit: 'EA' },
  { name: 'Hex bolt 8.8', unit: 'EA' },
  { name: 'Hex nut class 8', unit: 'EA' },
  { name: 'Pressure sensor 4-20 mA', unit: 'EA' },
  { name: 'Solenoid coil 24 V', unit: 'EA' },
  { name: 'Electric motor IE3', unit: 'EA' },
  { name: 'Hydraulic hose 1/2"', unit: 'EA' },
  { name: 'Bearing bush', unit: 'EA' },
  { name: 'Powder coating', unit: 'KG' },
];
const supplierStems = ['Keller', 'Nordfast', 'Iberia', 'Great Lakes', 'Precision', 'Alpen', 'Baltic', 'Rhein', 'Carpathian', 'Adriatic', 'Hanse', 'Silesia', 'Lombard', 'Tyne', 'Danube'];
const supplierTrades = ['Gusstechnik', 'Fasteners', 'Seals', 'Metal Components', 'Hydraulics', 'Drives', 'Sensors', 'Tube', 'Coatings', 'Machining'];
const supplierForms = ['GmbH', 'AB', 'Ltd', 'S.L.', 'Inc.', 'S.p.A.', 'Sp. z o.o.', 's.r.o.'];

export const purchasedFamilyCount = purchasedFamilies.length;

export function manufacturedDescription(level: number, random: Random, serial: number): string {
  const families = level === 0 ? finishedFamilies : level === 1 ? assemblyFamilies : machinedFamilies;
  const size = random.pick([25, 32, 40, 50, 63, 80, 100, 125]);
  return `${random.pick(families)} ${size}/${serial % 1000}`;
}

export function purchasedDescription(family: number, random: Random): { description: string; unit: string } {
  const { name, unit } = purchasedFamilies[family % purchasedFamilies.length]!;
  return { description: `${name}, ${random.pick(['6', '8', '10', '12', '16', '20', '25', '32', '40'])} mm`, unit };
}

export function supplierName(random: Random): string {
  return `${random.pick(supplierStems)} ${random.pick(supplierTrades)} ${random.pick(supplierForms)}`;
}
