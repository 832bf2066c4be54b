// Alerts the core raised (scrap spikes), and who acknowledged them.
import type Database from 'better-sqlite3';
import type { AlertRow, ScrapSpike } from '../../shared/api/alerts';

type RawAlert = Omit<AlertRow, 'scrapSpike'> & { detail: string };

const select = `SELECT a.id, a.kind, a.plant, a.item_id AS itemId, i.description AS itemDescription, a.subject, a.detail,
  a.created_at AS createdAt, a.acknowledged_by AS acknowledgedBy, a.acknowledged_at AS acknowledgedAt
  FROM alerts a LEFT JOIN items i ON i.id = a.item_id`;

const toRow = ({ detail, ...rest }: RawAlert): AlertRow => ({ ...rest, scrapSpike: JSON.parse(detail) as ScrapSpike });

export function createAlertsRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO alerts (id, kind, plant, item_id, subject, detail, created_at) VALUES (@id, 'scrap-spike', @plant, @itemId, @subject, @detail, @createdAt)
     ON CONFLICT (id) DO NOTHING`,
  );
  const one = db.prepare<[string], RawAlert>(`${select} WHERE a.id = ?`);
  const all = db.prepare<[], RawAlert>(`${select} ORDER BY a.acknowledged_at IS NOT NULL, a.created_at DESC LIMIT 500`);
  const acknowledge = db.prepare('UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL');
  const minimumYield = db.prepare<[string], number | null>('SELECT minimum_yield FROM items WHERE id = ?').pluck();
  const setMinimumYield = db.prepare('UPDATE items SET minimum_yield = ? WHERE id = ?');
  return {
    raiseScrapSpike(alert: { id: string; plant: string; itemId: string | null; subject: string; spike: ScrapSpike; createdAt: string }): void {
      insert.run({ id: alert.id, plant: alert.plant, itemId: alert.itemId, subject: alert.subject, detail: JSON.stringify(alert.spike), createdAt: alert.createdAt });
    },
    get(id: string): AlertRow | undefined {
      const raw = one.get(id);
      return raw && toRow(raw);
    },
    list: (): AlertRow[] => all.all().map(toRow),
    acknowledge(id: string, user: string, at: string): void {
      acknowledge.run(user, at, id);
    },
    /** The item's own minimum yield from master data, if it has one. */
    minimumYield: (itemId: string): number | null => minimumYield.get(itemId) ?? null,
    setMinimumYield(itemId: string, rate: number): void {
      setMinimumYield.run(rate, itemId);
    },
  };
}
export type AlertsRepo = ReturnType<typeof createAlertsRepo>;
