import type { ConnectorSettings } from '../shared/settings';

/** The connectors of a reference gateway (the simulator) at `baseUrl`: its ERP and plant P1 namespaces. */
export function gatewayConnectors(baseUrl: string): ConnectorSettings[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    { id: 'erp', kind: 'erp', url: `${base}/erp`, token: 'dev-token', streams: ['erp'] },
    { id: 'plant-P1', kind: 'plant', url: `${base}/plant/P1`, token: 'dev-token', streams: ['qms.P1', 'mes.P1'] },
  ];
}
