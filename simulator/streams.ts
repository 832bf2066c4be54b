// Which streams exist and which socket.io namespace serves each of them.

/** The plants this simulator plays a plant connector (MES and QMS) for. */
export const simulatedPlants = ['P1'] as const;

export const erpStream = 'erp';
export const qmsStream = (plant: string): string => `qms.${plant}`;
export const mesStream = (plant: string): string => `mes.${plant}`;

export const erpNamespace = '/erp';
export const plantNamespace = (plant: string): string => `/plant/${plant}`;

export function isSimulatedPlant(plant: string): boolean {
  return (simulatedPlants as readonly string[]).includes(plant);
}

/** Namespace path -> the streams a subscriber there may ask for. */
export function namespaceStreams(): Map<string, readonly string[]> {
  const served = new Map<string, readonly string[]>([[erpNamespace, [erpStream]]]);
  for (const plant of simulatedPlants) served.set(plantNamespace(plant), [qmsStream(plant), mesStream(plant)]);
  return served;
}

export function allStreams(): string[] {
  return [...namespaceStreams().values()].flat();
}
