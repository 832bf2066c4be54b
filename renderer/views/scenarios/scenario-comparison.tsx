// The picked scenarios beside the plan as it is now: the customer orders any of them moves, counted in
// each world (late, revenue at risk, worst lateness), what each makes later than the plan and its
// freight, what changed since it was saved, and the button that applies it; below, each customer order.
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { ComparedScenario, ScenarioComparisonView, ScenarioWorld } from '../../../shared/api/scenarios';
import { formatCount, formatMoney } from '../../format/numbers';
import { formatDateTime, formatTimeOfDay } from '../../format/time';
import { appGridTheme } from '../../grid/grid-theme';
import { applyScenario, deleteScenario } from '../../state/scenario-actions';
import { useScenariosStore } from '../../state/scenarios-slice';
import { useSessionStore } from '../../state/session-slice';
import { mayCall } from '../../../shared/api/roles';
import { comparisonColumns, getCustomerRowId, scenarioDefaultColDef } from './scenario-columns';
import { formatWorstOfWorld } from './scenario-format';

/** Each figure of a world, and the number it is better or worse by (lower is better; never covered counts as the worst). */
const worldRows: { label: string; title: string; cell(world: ScenarioWorld): string; measure(world: ScenarioWorld): number }[] = [
  { label: 'Customer orders late', title: 'Of the customer orders below: late or never covered in this world', cell: (world) => String(world.lateCustomerOrders), measure: (world) => world.lateCustomerOrders },
  { label: 'Revenue at risk', title: 'The value of those late customer orders', cell: (world) => formatMoney(world.revenueAtRisk), measure: (world) => world.revenueAtRisk },
  {
    label: 'Worst lateness',
    title: 'The most days late of those customer orders',
    cell: (world) => formatWorstOfWorld(world.worstDaysLate, world.lateCustomerOrders),
    measure: (world) => (world.lateCustomerOrders === 0 ? 0 : (world.worstDaysLate ?? Number.POSITIVE_INFINITY)),
  },
  { label: 'Days late, added up', title: 'The days late of those customer orders added up: it moves whenever one of them is earlier or later', cell: (world) => `${world.daysLateTotal.toLocaleString('en-US')} d`, measure: (world) => world.daysLateTotal + world.neverCovered * 1e6 },
];

const trendClass = (value: number, plan: number): string => (value < plan ? 'scenario-better' : value > plan ? 'scenario-worse' : '');

function ScenarioActions({ scenario }: { scenario: ComparedScenario }) {
  const role = useSessionStore((state) => state.session?.role ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askWorse, setAskWorse] = useState(false);
  const [askDelete, setAskDelete] = useState(false);
  const mayApply = role !== null && mayCall(role, 'scenarios.apply');
  const cannot = !mayApply
    ? 'Only a planner or a supervisor applies scenarios'
    : scenario.applied
      ? `Applied by ${scenario.applied.by}, ${formatDateTime(scenario.applied.at)}`
      : scenario.responseCount === 0
        ? 'A what-if of disruptions only: nothing to apply'
        : scenario.noLongerApplies.length > 0
          ? 'Part of it no longer applies'
          : null;

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      setAskWorse(false);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      // A response that leaves things worse than doing nothing is applied only once confirmed.
      if (message.startsWith('confirmedWorse:')) setAskWorse(true);
      setError(message.replace(/^confirmedWorse: /, ''));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="scenario-actions">
      {scenario.applied ? (
        <span className="pill scenario-pill--applied" data-testid={`scenario-applied-${scenario.id}`}>
          Applied by {scenario.applied.by}
        </span>
      ) : (
        <button type="button" className="button button--small button--primary" disabled={cannot !== null || busy} title={cannot ?? 'Apply its responses: each goes upstream as its exception’s answer'} onClick={() => void run(() => applyScenario(scenario.id, false))} data-testid={`apply-scenario-${scenario.id}`}>
          {busy ? 'Applying…' : 'Apply'}
        </button>
      )}
      {askWorse && (
        <button type="button" className="button button--small button--danger-solid" disabled={busy} onClick={() => void run(() => applyScenario(scenario.id, true))} data-testid={`apply-scenario-anyway-${scenario.id}`}>
          Apply anyway
        </button>
      )}
      {mayApply && !askDelete && (
        <button type="button" className="button button--small" disabled={busy} onClick={() => setAskDelete(true)} data-testid={`delete-scenario-${scenario.id}`}>
          Delete
        </button>
      )}
      {askDelete && (
        <span className="scenario-actions__confirm" role="alertdialog" aria-label={`Delete ${scenario.name}`}>
          Delete “{scenario.name}”?{' '}
          <button type="button" className="button button--small button--danger-solid" disabled={busy} onClick={() => void run(() => deleteScenario(scenario.id))} data-testid={`confirm-delete-scenario-${scenario.id}`}>
            Delete
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setAskDelete(false)}>
            Keep
          </button>
        </span>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid={`scenario-error-${scenario.id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function ScenarioComparison({ comparison }: { comparison: ScenarioComparisonView }) {
  const columns = useMemo(() => comparisonColumns(comparison), [comparison]);
  const comparing = useScenariosStore((state) => state.comparing);
  const { scenarios, plan } = comparison;
  return (
    <section className="scenario-comparison" data-testid="scenario-comparison" aria-labelledby="comparison-title">
      <header className="scenario-comparison__header">
        <h2 id="comparison-title">Compared with the plan</h2>
        <span className="scenario-comparison__hint" title={`Weighed against the plan ${formatDateTime(comparison.weighedAt)}; again whenever the plan moves`}>
          {formatCount(comparison.customerOrders.length, 'customer order')} compared, those moved most first · weighed {formatTimeOfDay(comparison.weighedAt)}
          {comparing ? ' · weighing again…' : ''}
        </span>
      </header>
      <div className="scenario-figures-scroll">
        <table className="scenario-figures" data-testid="scenario-figures">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">Plan now</th>
              {scenarios.map((scenario) => (
                <th scope="col" key={scenario.id} data-testid={`scenario-column-${scenario.id}`}>
                  <span className="scenario-figures__name">{scenario.name}</span>
                  <span className="scenario-figures__steps">{scenario.steps.join(' · ')}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {worldRows.map((row) => (
              <tr key={row.label}>
                <th scope="row" title={row.title}>
                  {row.label}
                </th>
                <td>{row.cell(plan)}</td>
                {scenarios.map((scenario) => (
                  <td key={scenario.id} className={trendClass(row.measure(scenario.world), row.measure(plan))}>
                    {row.cell(scenario.world)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row" title="Of the customer orders compared, how many it makes earlier and how many later than the plan now">
                Customer orders earlier · later
              </th>
              <td>—</td>
              {scenarios.map((scenario) => (
                <td key={scenario.id} data-testid={`scenario-earlier-later-${scenario.id}`}>
                  <span className={scenario.earlier > 0 ? 'scenario-better' : ''}>{scenario.earlier} earlier</span> · <span className={scenario.later > 0 ? 'scenario-worse' : ''}>{scenario.later} later</span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" title="Production and customer orders it makes later than the plan now">
                Orders made later
              </th>
              <td>—</td>
              {scenarios.map((scenario) => (
                <td key={scenario.id} data-testid={`scenario-orders-hit-${scenario.id}`}>
                  {scenario.figures.ordersHit}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" title="Lane cost per unit times the quantity of each stock transport order it adds">
                Freight
              </th>
              <td>—</td>
              {scenarios.map((scenario) => (
                <td key={scenario.id}>{formatMoney(scenario.figures.freightCost)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Since saved</th>
              <td />
              {scenarios.map((scenario) => (
                <td key={scenario.id} className="scenario-figures__changes" data-testid={`scenario-changed-${scenario.id}`}>
                  {scenario.changedSince.length === 0 ? (
                    <span className="text-muted">{scenario.applied ? 'applied' : 'nothing changed'}</span>
                  ) : (
                    <ul>
                      {scenario.changedSince.map((change) => (
                        <li key={change} className={change.startsWith('no longer applies') ? 'text-danger' : ''}>
                          {change}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" />
              <td />
              {scenarios.map((scenario) => (
                <td key={scenario.id}>
                  <ScenarioActions scenario={scenario} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <div className="scenario-orders-grid" data-testid="scenario-orders-grid">
        <AgGridReact
          theme={appGridTheme}
          columnDefs={columns}
          defaultColDef={scenarioDefaultColDef}
          rowData={comparison.customerOrders}
          getRowId={getCustomerRowId}
          localeText={{ noRowsToShow: 'No customer order moves in these scenarios' }}
          enableCellTextSelection
          tooltipShowDelay={400}
        />
      </div>
    </section>
  );
}
