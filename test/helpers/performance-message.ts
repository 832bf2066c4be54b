// A plant's report of a production order in B2MML V0700 (ProcessOperationsPerformance): the order's
// Produced material with its good and scrap quantities, as a scrap spike is reported.

export function performanceMessage(order: { id: string; itemId: string; plant: string }, good: number, scrap: number, unit = 'EA'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ProcessOperationsPerformance xmlns="http://www.mesa.org/xml/B2MML" releaseID="0700">
  <ApplicationArea><Sender><LogicalID>MES-${order.plant}</LogicalID></Sender><CreationDateTime>2026-11-30T14:00:00Z</CreationDateTime></ApplicationArea>
  <DataArea>
    <Process/>
    <OperationsPerformance>
      <ID>PERF-${order.id}</ID>
      <OperationsResponse>
        <ID>RESP-${order.id}</ID>
        <OperationsRequestID>${order.id}</OperationsRequestID>
        <SegmentResponse>
          <ID>SR-1</ID>
          <MaterialActual>
            <ID>MA-1</ID>
            <MaterialDefinitionID>${order.itemId}</MaterialDefinitionID>
            <MaterialLotID>L-OUT-${order.id}</MaterialLotID>
            <MaterialUse>Produced</MaterialUse>
            <Quantity><QuantityString>${good}</QuantityString><UnitOfMeasure>${unit}</UnitOfMeasure><Key>Good</Key></Quantity>
            <Quantity><QuantityString>${scrap}</QuantityString><UnitOfMeasure>${unit}</UnitOfMeasure><Key>Scrap</Key></Quantity>
          </MaterialActual>
        </SegmentResponse>
      </OperationsResponse>
    </OperationsPerformance>
  </DataArea>
</ProcessOperationsPerformance>`;
}
