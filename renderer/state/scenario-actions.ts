// What the Scenarios view asks the core: the saved list, a comparison of the picked ones against the
// plan as it is (again whenever the plan changes), and saving, applying and deleting a scenario. A
// response card saves its response as a scenario from Order impact.
import type { SaveScenarioArgs } from '../../shared/api/scenarios';
import { apiClient } from '../api/client';
import { useNavigationStore } from './navigation-slice';
import { useScenariosStore } from './scenarios-slice';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadScenarios(): Promise<void> {
  try {
    useScenariosStore.getState().rowsLoaded(await apiClient.invoke('scenarios.list', {}));
  } catch (error) {
    useScenariosStore.getState().failed(message(error));
  }
}

/** Weighs the picked scenarios against the plan now; nothing picked, nothing compared. */
export async function comparePicked(): Promise<void> {
  const { picked } = useScenariosStore.getState();
  if (picked.length === 0) {
    useScenariosStore.getState().compared(null);
    return;
  }
  useScenariosStore.getState().comparingStarted();
  try {
    const comparison = await apiClient.invoke('scenarios.compare', { ids: picked });
    // Picks changed meanwhile: the newer comparison is on its way.
    if (useScenariosStore.getState().picked.join() === picked.join()) useScenariosStore.getState().compared(comparison);
  } catch (error) {
    useScenariosStore.getState().failed(message(error));
  }
}

/** Saves a what-if; throws the core's message (naming the field) for the form to show. */
export async function saveScenario(args: SaveScenarioArgs): Promise<string> {
  const { id } = await apiClient.invoke('scenarios.save', args);
  useScenariosStore.getState().noticed(`Saved “${args.name}”.`);
  await loadScenarios();
  return id;
}

/** Opens the Scenarios view with the scenario picked for comparison. */
export function openScenario(id: string): void {
  const { picked, setPicked } = useScenariosStore.getState();
  if (!picked.includes(id)) setPicked([...picked, id]);
  useNavigationStore.getState().go('scenarios');
}

export async function applyScenario(id: string, confirmedWorse: boolean): Promise<void> {
  const name = useScenariosStore.getState().byId[id]?.name ?? id;
  const { commandIds } = await apiClient.invoke('scenarios.apply', { id, ...(confirmedWorse ? { confirmedWorse: true as const } : {}) });
  useScenariosStore.getState().noticed(`Applied “${name}”: ${commandIds.length} command${commandIds.length === 1 ? '' : 's'} queued upstream.`);
  await loadScenarios();
  await comparePicked();
}

export async function deleteScenario(id: string): Promise<void> {
  const name = useScenariosStore.getState().byId[id]?.name ?? id;
  await apiClient.invoke('scenarios.delete', { id });
  useScenariosStore.getState().noticed(`Deleted “${name}”.`);
  await loadScenarios();
  await comparePicked();
}

/** The plan changed: the open comparison is weighed again against it. */
export function followPlanForComparison(): () => void {
  return apiClient.subscribe('planning.changed', () => {
    if (useScenariosStore.getState().picked.length > 0) void comparePicked();
  });
}
