// Scenarios: the planner's saved what-ifs (kept in this workstation's SQLite file, so they open
// offline). Pick up to three to weigh them against the plan as it is now, side by side and per
// customer order, with what changed since each was saved; apply one, and its responses go upstream.
import './scenarios.css';
import { AgGridReact } from 'ag-grid-react';
import type { RowSelectedEvent } from 'ag-grid-community';
import { useEffect } from 'react';
import { maxScenariosCompared, type ScenarioRow } from '../../../shared/api/scenarios';
import { formatCount } from '../../format/numbers';
import { appGridTheme } from '../../grid/grid-theme';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { comparePicked, followPlanForComparison, loadScenarios } from '../../state/scenario-actions';
import { useScenariosStore, type ScenariosState } from '../../state/scenarios-slice';
import { useSessionStore } from '../../state/session-slice';
import { mayCall } from '../../../shared/api/roles';
import { ScenarioBuilder } from './scenario-builder';
import { ScenarioComparison } from './scenario-comparison';
import { getScenarioRowId, scenarioColumns, scenarioDefaultColDef } from './scenario-columns';

const selectRows = (state: ScenariosState) => state.byId;
/** Up to this many scenarios the grid is as tall as its rows. */
const autoHeightRows = 5;
const localeText = { noRowsToShow: 'No scenario saved yet: save a response from Order impact, or build one below' };

export function ScenariosView() {
  const count = useScenariosStore((state) => Object.keys(state.byId).length);
  const picked = useScenariosStore((state) => state.picked);
  const comparison = useScenariosStore((state) => state.comparison);
  const error = useScenariosStore((state) => state.error);
  const notice = useScenariosStore((state) => state.notice);
  const loaded = useScenariosStore((state) => state.loaded);
  const { gridApi, onGridReady } = useRowTransactions(useScenariosStore, selectRows);
  const role = useSessionStore((state) => state.session?.role ?? null);
  // Only who may save a scenario is offered to build one.
  const mayBuild = role !== null && mayCall(role, 'scenarios.save');

  useEffect(() => {
    void loadScenarios().then(comparePicked);
    return followPlanForComparison();
  }, []);

  // The grid's checkboxes follow the picks (three at most), and a new pick weighs them again.
  useEffect(() => {
    gridApi.current?.forEachNode((node) => node.setSelected(picked.includes(node.id ?? ''), false, 'api'));
    void comparePicked();
  }, [picked, gridApi]);

  /** One row ticked or unticked by the planner: the pick follows it (the oldest gives way past three). */
  function rowSelected(event: RowSelectedEvent<ScenarioRow>) {
    if (event.source === 'api' || !event.node.id) return;
    const { picked: before, setPicked } = useScenariosStore.getState();
    const id = event.node.id;
    const next = event.node.isSelected() ? [...before.filter((other) => other !== id), id] : before.filter((other) => other !== id);
    // Past three, the oldest pick gives way: said, not silent.
    const dropped = next.length > maxScenariosCompared ? next[0] : undefined;
    if (dropped) useScenariosStore.getState().noticed(`At most ${maxScenariosCompared} are compared: “${useScenariosStore.getState().byId[dropped]?.name ?? dropped}” was unticked.`);
    setPicked(next);
  }

  return (
    <section className="view scenarios-view" aria-labelledby="scenarios-title">
      <header className="view-header">
        <div>
          <h1 id="scenarios-title">Scenarios</h1>
          <p className="view-header__summary" data-testid="scenarios-summary">
            {formatCount(count, 'scenario')} saved on this workstation · pick up to {maxScenariosCompared} to compare with the plan as it is now
            {picked.length > 0 ? ` · ${picked.length} picked` : ''}
          </p>
        </div>
      </header>
      {error && (
        <p className="callout callout--danger" role="alert" data-testid="scenarios-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice-done" role="status" data-testid="scenarios-notice">
          {notice}
        </p>
      )}
      <div className={`scenarios-grid${count > autoHeightRows ? ' scenarios-grid--scrolls' : ''}`} data-testid="scenarios-grid">
        <AgGridReact<ScenarioRow>
          theme={appGridTheme}
          columnDefs={scenarioColumns}
          defaultColDef={scenarioDefaultColDef}
          getRowId={getScenarioRowId}
          domLayout={count > autoHeightRows ? 'normal' : 'autoHeight'}
          rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true }}
          onGridReady={(event) => {
            onGridReady(event);
            event.api.forEachNode((node) => node.setSelected(useScenariosStore.getState().picked.includes(node.id ?? ''), false, 'api'));
          }}
          onRowDataUpdated={({ api }) => api.forEachNode((node) => node.setSelected(useScenariosStore.getState().picked.includes(node.id ?? ''), false, 'api'))}
          onRowSelected={rowSelected}
          loading={!loaded}
          localeText={localeText}
          enableCellTextSelection
          tooltipShowDelay={400}
        />
      </div>
      {mayBuild && <ScenarioBuilder />}
      {comparison ? (
        <ScenarioComparison comparison={comparison} />
      ) : (
        picked.length === 0 && count > 0 && <p className="scenarios-hint">Tick one, two or three scenarios above to weigh them against the plan now.</p>
      )}
    </section>
  );
}
