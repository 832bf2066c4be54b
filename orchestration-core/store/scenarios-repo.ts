// Saved scenarios: their steps as the planner gave them, the figures they had when saved, and once
// applied, who applied them and the commands that went upstream.
import type Database from 'better-sqlite3';
import type { ScenarioFiguresView, ScenarioStepInput } from '../../shared/api/scenarios';

/** A step as kept: a response step with the label the planner read when saving it. */
export type StoredScenarioStep = ScenarioStepInput & { label?: string };

export interface StoredScenario {
  id: string;
  name: string;
  steps: StoredScenarioStep[];
  savedBy: string;
  savedAt: string;
  savedFigures: ScenarioFiguresView;
  /** Days late per customer order when saved (null: never covered). */
  savedCustomerOrders: Record<string, number | null>;
  applied: { by: string; at: string; commandIds: string[] } | null;
}

interface RawScenario {
  id: string;
  name: string;
  steps: string;
  savedBy: string;
  savedAt: string;
  savedFigures: string;
  savedCustomerOrders: string;
  appliedBy: string | null;
  appliedAt: string | null;
  appliedCommandIds: string | null;
}

const select = `SELECT id, name, steps, saved_by AS savedBy, saved_at AS savedAt, saved_figures AS savedFigures,
  saved_customer_orders AS savedCustomerOrders, applied_by AS appliedBy, applied_at AS appliedAt, applied_command_ids AS appliedCommandIds
  FROM scenarios`;

function toStored(raw: RawScenario): StoredScenario {
  return {
    id: raw.id,
    name: raw.name,
    steps: JSON.parse(raw.steps) as StoredScenarioStep[],
    savedBy: raw.savedBy,
    savedAt: raw.savedAt,
    savedFigures: JSON.parse(raw.savedFigures) as ScenarioFiguresView,
    savedCustomerOrders: JSON.parse(raw.savedCustomerOrders) as Record<string, number | null>,
    applied: raw.appliedBy && raw.appliedAt ? { by: raw.appliedBy, at: raw.appliedAt, commandIds: JSON.parse(raw.appliedCommandIds ?? '[]') as string[] } : null,
  };
}

export function createScenariosRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO scenarios (id, name, steps, saved_by, saved_at, saved_figures, saved_customer_orders)
     VALUES (@id, @name, @steps, @savedBy, @savedAt, @savedFigures, @savedCustomerOrders)`,
  );
  const one = db.prepare<[string], RawScenario>(`${select} WHERE id = ?`);
  const byName = db.prepare<[string], { id: string }>('SELECT id FROM scenarios WHERE name = ? COLLATE NOCASE');
  const all = db.prepare<[], RawScenario>(`${select} ORDER BY saved_at DESC, id LIMIT 500`);
  const markApplied = db.prepare('UPDATE scenarios SET applied_by = ?, applied_at = ?, applied_command_ids = ? WHERE id = ? AND applied_at IS NULL');
  const remove = db.prepare('DELETE FROM scenarios WHERE id = ?');
  return {
    save(scenario: Omit<StoredScenario, 'applied'>): void {
      insert.run({
        id: scenario.id,
        name: scenario.name,
        steps: JSON.stringify(scenario.steps),
        savedBy: scenario.savedBy,
        savedAt: scenario.savedAt,
        savedFigures: JSON.stringify(scenario.savedFigures),
        savedCustomerOrders: JSON.stringify(scenario.savedCustomerOrders),
      });
    },
    get(id: string): StoredScenario | undefined {
      const raw = one.get(id);
      return raw && toStored(raw);
    },
    /** The id of the scenario of that name, whatever its case. */
    named: (name: string): string | undefined => byName.get(name)?.id,
    list: (): StoredScenario[] => all.all().map(toStored),
    /** False when it was applied already. */
    applied(id: string, by: string, at: string, commandIds: readonly string[]): boolean {
      return markApplied.run(by, at, JSON.stringify(commandIds), id).changes === 1;
    },
    delete: (id: string): boolean => remove.run(id).changes === 1,
  };
}
export type ScenariosRepo = ReturnType<typeof createScenariosRepo>;
