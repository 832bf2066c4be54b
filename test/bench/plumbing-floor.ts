// The floor of the sync design on this machine: the least work the design asks per event and per
// command, done by hand-written code with nothing else, in the same process topology as the
// end-to-end runs. Ingest: the gateway reads stored events and sends them over socket.io; the
// client validates each (the shared zod schemas) and, in FULL-synced transactions batched per
// event-loop turn like the connector, writes its inbox row, its lot row and the cursor. Drain: the
// gateway records each command and its delivery before acknowledging, a window at a time; the client
// records each reply in its outbox row. What the product does beyond this (workflows, audit chain,
// holds, plan) is its own cost; what this floor costs, no implementation of the design can avoid.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { defaultPushWindow } from '../../orchestration-core/connectors/outbox-pusher';
import { parseEvent } from '../../shared/events';
import { maxEventsPerEmit } from '../../simulator/sync-session';

function openDurable(path: string, schema: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(schema);
  return db;
}

/** A goods receipt as the gateway sends it. */
export function sampleEvent(seq: number) {
  return {
    id: `erp-${String(seq).padStart(6, '0')}-bench`,
    stream: 'erp',
    seq,
    type: 'goods.received',
    source: 'simulator',
    occurredAt: '2026-12-01T08:00:00.000Z',
    plant: 'P1',
    correlationId: `L-${seq}`,
    schemaVersion: 1,
    payload: { lotId: `L-${seq}`, lotVersion: 1, itemId: 'M-1001', plant: 'P1', quantity: 120, unit: 'EA', stockType: 'unrestricted', supplierId: 'S-100' },
  };
}

const storedEvent = (seq: number): string => JSON.stringify(sampleEvent(seq));

async function listen(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function connected(port: number): Promise<Socket> {
  const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  return client;
}

/** Events/s through the ingest floor. */
export async function floorIngest(dir: (name: string) => string, events: number): Promise<number> {
  const gatewayDb = openDurable(dir('floor-gateway.sqlite'), 'CREATE TABLE events (stream TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (stream, seq))');
  const append = gatewayDb.prepare("INSERT INTO events VALUES ('erp', ?, ?)");
  gatewayDb.transaction(() => {
    for (let seq = 1; seq <= events; seq++) append.run(seq, storedEvent(seq));
  })();
  const page = gatewayDb.prepare<[number, number], { body: string }>("SELECT body FROM events WHERE stream = 'erp' AND seq > ? ORDER BY seq LIMIT ?");

  const clientDb = openDurable(
    dir('floor-client.sqlite'),
    `CREATE TABLE inbox (event_id TEXT PRIMARY KEY, stream TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, outcome TEXT NOT NULL, received_at TEXT NOT NULL);
     CREATE UNIQUE INDEX inbox_stream_seq ON inbox(stream, seq);
     CREATE TABLE cursors (stream TEXT PRIMARY KEY, seq INTEGER NOT NULL, updated_at TEXT NOT NULL);
     CREATE TABLE lots (lot_id TEXT PRIMARY KEY, item_id TEXT NOT NULL, plant TEXT NOT NULL, quantity REAL NOT NULL, unit TEXT NOT NULL,
       stock_type TEXT NOT NULL, supplier_id TEXT, version INTEGER NOT NULL, updated_at TEXT NOT NULL);`,
  );
  const claim = clientDb.prepare("INSERT OR IGNORE INTO inbox VALUES (?, ?, ?, ?, 'applied', ?)");
  const upsertLot = clientDb.prepare(
    `INSERT INTO lots VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(lot_id) DO UPDATE SET quantity = excluded.quantity, stock_type = excluded.stock_type, version = excluded.version, updated_at = excluded.updated_at
     WHERE excluded.version >= lots.version`,
  );
  const advance = clientDb.prepare("INSERT INTO cursors VALUES ('erp', ?, ?) ON CONFLICT(stream) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at");
  const applyTurn = clientDb.transaction((messages: unknown[][]) => {
    const at = new Date().toISOString();
    let last = 0;
    for (const message of messages) {
      for (const raw of message) {
        const parsed = parseEvent(raw);
        if (!parsed.ok || parsed.event.type !== 'goods.received') throw new Error(`floor: unexpected event ${parsed.ok ? parsed.event.type : parsed.reason}`);
        const { event } = parsed;
        if (claim.run(event.id, event.stream, event.seq, event.type, at).changes === 0) continue;
        const p = event.payload;
        upsertLot.run(p.lotId, p.itemId, p.plant, p.quantity, p.unit, p.stockType, p.supplierId ?? null, p.lotVersion, at);
        last = event.seq;
      }
    }
    advance.run(last, at);
    return last;
  });

  const httpServer = createServer();
  const server = new Server(httpServer);
  server.on('connection', (socket) => {
    socket.on('replay', () => {
      for (let after = 0; after < events; after += maxEventsPerEmit) {
        socket.emit('events', page.all(after, maxEventsPerEmit).map((row) => JSON.parse(row.body) as unknown));
      }
    });
  });
  const client = await connected(await listen(httpServer));
  try {
    let turn: unknown[][] = [];
    let cursor = 0;
    let caughtUp = () => {};
    client.on('events', (message: unknown[]) => {
      if (turn.length === 0) {
        setImmediate(() => {
          const messages = turn;
          turn = [];
          cursor = applyTurn(messages);
          if (cursor >= events) caughtUp();
        });
      }
      turn.push(message);
    });
    const start = performance.now();
    const done = new Promise<void>((resolve) => (caughtUp = resolve));
    client.emit('replay');
    await done;
    return events / ((performance.now() - start) / 1000);
  } finally {
    client.disconnect();
    await server.close();
    gatewayDb.close();
    clientDb.close();
  }
}

/** Commands/s through the drain floor, with the outbox pusher's window in flight. */
export async function floorDrain(dir: (name: string) => string, commands: number): Promise<number> {
  const gatewayDb = openDurable(
    dir('floor-gateway-commands.sqlite'),
    `CREATE TABLE commands (command_id TEXT PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL, received_at TEXT NOT NULL);
     CREATE TABLE deliveries (id INTEGER PRIMARY KEY AUTOINCREMENT, command_id TEXT, client_id TEXT NOT NULL, status TEXT NOT NULL, received_at TEXT NOT NULL);
     CREATE INDEX deliveries_by_command ON deliveries (command_id, id);`,
  );
  const recordCommand = gatewayDb.prepare("INSERT OR IGNORE INTO commands VALUES (?, ?, ?, 'accepted', ?)");
  const recordDelivery = gatewayDb.prepare("INSERT INTO deliveries (command_id, client_id, status, received_at) VALUES (?, 'floor', ?, ?)");
  const receiveWindow = gatewayDb.transaction((window: { command: { commandId: string; type: string } }[]) => {
    const at = new Date().toISOString();
    return window.map(({ command }) => {
      const fresh = recordCommand.run(command.commandId, command.type, JSON.stringify(command), at).changes === 1;
      recordDelivery.run(command.commandId, fresh ? 'accepted' : 'duplicate', at);
      return { commandId: command.commandId, status: fresh ? 'accepted' : 'duplicate' };
    });
  });

  const clientDb = openDurable(dir('floor-client-outbox.sqlite'), "CREATE TABLE outbox (command_id TEXT PRIMARY KEY, envelope TEXT NOT NULL, status TEXT NOT NULL, reply TEXT)");
  const enqueue = clientDb.prepare("INSERT INTO outbox VALUES (?, ?, 'pending', NULL)");
  const outbox = Array.from({ length: commands }, (_, i) => ({ commandId: `floor-${i}`, type: 'lot.setStatus', issuedBy: 'qe.bench', issuedAt: '2026-12-01T08:00:00.000Z', payload: { lotId: `L-${i}`, stockType: 'blocked', reason: 'bench' } }));
  clientDb.transaction(() => {
    for (const command of outbox) enqueue.run(command.commandId, JSON.stringify(command));
  })();
  const recordReply = clientDb.prepare("UPDATE outbox SET status = ?, reply = ? WHERE command_id = ? AND status = 'pending'");
  const recordReplies = clientDb.transaction((replies: { commandId: string; status: string }[]) => {
    for (const reply of replies) recordReply.run(reply.status, JSON.stringify(reply), reply.commandId);
  });

  const httpServer = createServer();
  const server = new Server(httpServer);
  server.on('connection', (socket) => {
    let window: { command: { commandId: string; type: string }; ack: (reply: unknown) => void }[] = [];
    socket.on('command', (command: { commandId: string; type: string }, ack: (reply: unknown) => void) => {
      if (window.length === 0) {
        setImmediate(() => {
          const taken = window;
          window = [];
          receiveWindow(taken).forEach((reply, i) => taken[i]!.ack(reply));
        });
      }
      window.push({ command, ack });
    });
  });
  const client = await connected(await listen(httpServer));
  try {
    let next = 0;
    let replied = 0;
    let pendingReplies: { commandId: string; status: string }[] = [];
    let drained = () => {};
    const send = () => {
      const command = outbox[next++]!;
      client.emit('command', command, (reply: { commandId: string; status: string }) => {
        if (pendingReplies.length === 0) {
          setImmediate(() => {
            const taken = pendingReplies;
            pendingReplies = [];
            recordReplies(taken);
            replied += taken.length;
            if (replied >= commands) drained();
            for (let i = 0; i < taken.length && next < commands; i++) send();
          });
        }
        pendingReplies.push(reply);
      });
    };
    const start = performance.now();
    const done = new Promise<void>((resolve) => (drained = resolve));
    for (let i = 0; i < Math.min(defaultPushWindow, commands); i++) send();
    await done;
    return commands / ((performance.now() - start) / 1000);
  } finally {
    client.disconnect();
    await server.close();
    gatewayDb.close();
    clientDb.close();
  }
}

/** Microseconds the shared zod schemas take to validate one goods receipt, warmed up. */
export function validationMicroseconds(events: number): number {
  const raw = Array.from({ length: events }, (_, i) => JSON.parse(storedEvent(i + 1)) as unknown);
  for (const event of raw.slice(0, Math.min(events, 20_000))) parseEvent(event);
  const start = performance.now();
  for (const event of raw) if (!parseEvent(event).ok) throw new Error('floor: a stored event failed validation');
  return ((performance.now() - start) * 1000) / events;
}
