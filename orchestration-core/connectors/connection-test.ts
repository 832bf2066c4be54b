// Tests a gateway before the app switches to it: is anything there, does it take the workstation
// token, does it speak this app's sync protocol, does it serve the plant, and how far its clock is from
// this one. Each failure is its own sentence naming the field to fix; the app's own connections are
// not touched.
import { io } from 'socket.io-client';
import { erpNamespaceOf } from './gateway-address';
import { gatewayAboutSchema, syncMessages, syncProtocolVersion } from '../../shared/sync-protocol';
import type { ConnectionTestResult } from '../../shared/api/connectors';
import type { Clock } from '../core-ports';

/** A clock further off than this makes SLAs and session ends come early or late: said as a warning. */
const skewWarnMs = 2 * 60_000;

export interface ConnectionTestInput {
  /** The gateway's address (http://host:port); the test connects to its ERP namespace. */
  url: string;
  token: string;
  plant?: string;
}

export async function testConnection(input: ConnectionTestInput, deps: { clock: Clock; clientId: string; timeoutMs?: number }): Promise<ConnectionTestResult> {
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const address = erpNamespaceOf(input.url);
  if (!address.ok) return { ok: false, reachable: false, tokenAccepted: false, problems: [`url: "${input.url}" is not ${address.problem === 'not-a-url' ? 'a URL' : 'an http(s) URL'}; give the gateway's address, e.g. https://gateway.plant.example:4100`], warnings: [] };
  const target = address.url;
  const socket = io(target, { auth: { token: input.token, clientId: `${deps.clientId}-test` }, transports: ['websocket'], reconnection: false, timeout: timeoutMs, forceNew: true });
  try {
    const connected = await new Promise<{ ok: true } | { ok: false; message: string }>((resolve) => {
      socket.once('connect', () => resolve({ ok: true }));
      socket.once('connect_error', (error: Error) => resolve({ ok: false, message: error.message }));
    });
    if (!connected.ok) {
      // The gateway's own refusal of the handshake names the token; anything else is the network's.
      if (/^unauthorized: token/.test(connected.message)) return { ok: false, reachable: true, tokenAccepted: false, problems: [`token: the gateway at ${target} refused the workstation token (${connected.message})`], warnings: [] };
      return { ok: false, reachable: false, tokenAccepted: false, problems: [`url: nothing answers at ${target} (${connected.message}); check the address and that the gateway runs`], warnings: [] };
    }
    const sentAt = deps.clock.now().getTime();
    let raw: unknown;
    try {
      raw = await socket.timeout(timeoutMs).emitWithAck(syncMessages.about);
    } catch {
      return { ok: false, reachable: true, tokenAccepted: true, problems: [`url: ${target} took the token but did not say which protocol it speaks within ${timeoutMs / 1000} s; is it a Plant Orchestrator gateway of this version?`], warnings: [] };
    }
    const about = gatewayAboutSchema.safeParse(raw);
    if (!about.success) return { ok: false, reachable: true, tokenAccepted: true, problems: [`url: ${target} answered, but not as a Plant Orchestrator gateway does`], warnings: [] };
    const { protocolVersion, epoch, serverTime, plants } = about.data;
    const receivedAt = deps.clock.now().getTime();
    // The gateway's clock against the middle of the round trip.
    const clockSkewMs = Math.round(Date.parse(serverTime) - (sentAt + receivedAt) / 2);
    const problems: string[] = [];
    const warnings: string[] = [];
    if (protocolVersion !== syncProtocolVersion) problems.push(`url: the gateway speaks sync protocol ${protocolVersion}, this app speaks ${syncProtocolVersion}; update whichever is older`);
    if (input.plant !== undefined && !plants.includes(input.plant)) problems.push(`plant: the gateway serves ${plants.join(', ') || 'no plant'}, not ${input.plant}`);
    if (Math.abs(clockSkewMs) > skewWarnMs) warnings.push(`This workstation's clock is ${Math.round(Math.abs(clockSkewMs) / 1000)} s ${clockSkewMs > 0 ? 'behind' : 'ahead of'} the gateway's: due times and sign-ins will read early or late until it is set right`);
    return { ok: problems.length === 0, reachable: true, tokenAccepted: true, protocolVersion, epoch, plants, clockSkewMs, problems, warnings };
  } finally {
    socket.close();
  }
}
