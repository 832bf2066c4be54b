// HTTP control endpoints beside socket.io, so a test can drive a simulator running in another process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { describeZodError } from '../shared/describe-error';
import { checkControlRequest, ControlRefusal, type ControlGuard } from './control-guard';
import { exactly, controlId, days, positiveQuantity, text, wholeNumber } from './control-inputs';
import { EventStorms, eventStormOptionsSchema } from './event-storm';
import type { GatewayStore } from './gateway-store';
import { ScenarioError, ScenarioInputError, type Scenario } from './scenario';

const maxBodyBytes = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Route {
  method: 'GET' | 'POST';
  /** Parses the JSON body (POST) or the query parameters (GET). */
  input: z.ZodType;
  run: (input: never) => unknown;
}

const route = <S extends z.ZodType>(method: Route['method'], input: S, run: (input: z.output<S>) => unknown): Route => ({
  method,
  input,
  run: run as (input: never) => unknown,
});

function controlRoutes(scenario: Scenario, store: GatewayStore): Record<string, Route> {
  const storms = new EventStorms({ scenario, store });
  return {
    '/control/inspection-failure': route(
      'POST',
      exactly({ plant: controlId.optional(), itemId: controlId.optional(), quantity: positiveQuantity.optional(), poLineId: controlId.optional() }),
      (options) => scenario.inspectionFailure(options),
    ),
    '/control/cycle-count': route(
      'POST',
      exactly({ lotId: controlId.optional(), aboveTolerance: z.boolean().optional(), countedBy: controlId.optional() }),
      (options) => scenario.cycleCount(options),
    ),
    '/control/bins': route('GET', exactly({}), () => ({ paused: store.cycleCounts.pausedBins() })),
    '/control/inspection-passed': route('POST', exactly({ lotId: controlId }), ({ lotId }) => scenario.inspectionPassed(lotId)),
    '/control/consume': route('POST', exactly({ lotId: controlId, quantity: positiveQuantity }), (input) => scenario.consumeLot(input.lotId, input.quantity)),
    '/control/produce': route(
      'POST',
      exactly({ lotId: controlId, quantity: positiveQuantity, outputQuantity: positiveQuantity.optional() }),
      (input) => scenario.produce(input.lotId, input.quantity, input.outputQuantity),
    ),
    '/control/b2mml': route('POST', exactly({ plant: controlId.default('P1'), xml: text(4_000_000, 1) }), ({ plant, xml }) => {
      const envelope = scenario.plantMessage(plant, xml);
      return { stream: envelope.stream, seq: envelope.seq, id: envelope.id };
    }),
    '/control/line-stopped': route(
      'POST',
      exactly({ plant: controlId.optional(), line: controlId.optional(), days: days.optional(), reason: text(500).optional() }),
      (options) => scenario.lineStopped(options),
    ),
    '/control/line-restarted': route('POST', exactly({ stoppageId: controlId, plant: controlId, line: controlId }), ({ stoppageId, plant, line }) =>
      scenario.lineRestarted(stoppageId, plant, line),
    ),
    '/control/transfer-received': route('POST', exactly({ transferId: controlId }), ({ transferId }) => scenario.transferReceived(transferId)),
    '/control/burst': route('POST', exactly({ count: wholeNumber(1, 100_000) }), ({ count }) => ({
      lotIds: scenario.burst(count),
    })),
    '/control/supplier-delay': route(
      'POST',
      exactly({ poLineId: controlId.optional(), days: days.optional(), reason: text(500).optional() }),
      (options) => scenario.supplierDelay(options),
    ),
    '/control/planning-dataset': route('GET', exactly({}), () => {
      const dataset = store.planningDataset();
      if (!dataset) throw new HttpError(404, 'this simulator plays no planning data (start it with a planning scale)');
      return dataset;
    }),
    '/control/storm': route('POST', eventStormOptionsSchema, (options) => storms.start(options)),
    '/control/drop-replies': route('POST', exactly({ count: wholeNumber(0, 10_000), type: controlId.optional() }), ({ count, type }) => {
      scenario.dropReplies(count, type);
      return { dropping: count, ...(type === undefined ? {} : { type }) };
    }),
    '/control/commands': route('GET', exactly({}), () => ({ commands: store.commands() })),
    '/control/deliveries': route('GET', exactly({ commandId: controlId.optional() }), ({ commandId }) => ({
      deliveries: store.deliveries(commandId),
    })),
    '/control/streams': route('GET', exactly({}), () => ({ streams: store.streamHeads() })),
    '/control/lot': route('GET', exactly({ lotId: controlId }), ({ lotId }) => {
      const lot = store.lot(lotId);
      if (!lot) throw new HttpError(404, `lotId: unknown lot ${lotId}`);
      return { lot };
    }),
  };
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new HttpError(413, `body: larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'body: not valid JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The request listener for everything that is not socket.io. */
/** `guard` null: this gateway serves no control API (the embedded one, unless asked for). */
export function createControlHandler(
  scenario: Scenario,
  store: GatewayStore,
  guard: ControlGuard | null,
): (request: IncomingMessage, response: ServerResponse) => void {
  const routes = controlRoutes(scenario, store);
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const target = guard && Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
    if (!target || !guard) throw new HttpError(404, `not found: ${request.method ?? ''} ${url.pathname}`);
    checkControlRequest(request, guard);
    if (request.method !== target.method) {
      response.setHeader('allow', target.method);
      throw new HttpError(405, `method: ${url.pathname} takes ${target.method}, not ${request.method ?? ''}`);
    }
    // An empty query parameter (?commandId=) means "not given", as a form would send it.
    const query = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ''));
    const raw = target.method === 'POST' ? await readJsonBody(request) : query;
    const input = target.input.safeParse(raw);
    if (!input.success) throw new HttpError(400, describeZodError(input.error, { root: target.method === 'POST' ? 'body' : 'query' }));
    send(response, 200, target.run(input.data as never));
  };
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof HttpError || error instanceof ControlRefusal) return send(response, error.status, { error: error.message });
      // Checked first: a value the scenario found unfit for the record it names (1.5 of a lot counted in EA) is bad input.
      if (error instanceof ScenarioInputError) return send(response, 400, { error: error.message });
      if (error instanceof ScenarioError) return send(response, 422, { error: error.message });
      console.error('simulator control request failed', error);
      send(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  };
}
