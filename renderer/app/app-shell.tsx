// The fixed frame around every view: header, navigation, connection banners, status bar.
import { useEffect, useState } from 'react';
import { useNavigationStore } from '../state/navigation-slice';
import { MonitorView } from '../views/monitor/monitor-view';
import { ScenariosView } from '../views/scenarios/scenarios-view';
import { StockView } from '../views/stock/stock-view';
import { selectYoursToDecideCount, useApprovalsStore } from '../state/approvals-slice';
import { ApprovalsView } from '../views/approvals/approvals-view';
import { AuditView } from '../views/audit/audit-view';
import { OrderImpactView } from '../views/order-impact/order-impact-view';
import { QuarantineView } from '../views/quarantine/quarantine-view';
import { RebalancingView } from '../views/rebalancing/rebalancing-view';
import { AppHeader } from './app-header';
import { SignInScreen } from './sign-in-screen';
import { ConnectionBanners } from './connection-banners';
import { useViewShortcuts } from './view-shortcuts';
import { StatusBar } from './status-bar';
import { useDensity } from './use-density';
import { ViewNav } from './view-nav';
import { landingView, type AppViewId } from './views';
import { useSessionStore } from '../state/session-slice';

/** Signed out: the sign-in screen. Signed in: the views, started afresh for each person who signs in. */
export function AppShell() {
  const answered = useSessionStore((state) => state.state !== null);
  const signedOut = useSessionStore((state) => state.state?.signedIn === false);
  const user = useSessionStore((state) => state.session?.user ?? null);
  // Until the core says who is signed in, nothing to click: a view opened now would be lost when the session arrives.
  if (!answered) return <StartingShell />;
  if (signedOut) return <SignInScreen />;
  return <SignedInShell key={user ?? ''} />;
}

/** Before the core answered: no views to open yet, only why it may not answer (the host down, the link refused). */
function StartingShell() {
  return (
    <div className="app-shell">
      <AppHeader />
      <main className="app-main">
        <ConnectionBanners />
        <p className="app-starting" data-testid="app-starting">
          Starting…
        </p>
      </main>
      <StatusBar />
    </div>
  );
}

function SignedInShell() {
  // Until the user opens another, the view their role starts on (known once the session has loaded).
  const [chosen, setView] = useState<AppViewId | null>(null);
  const role = useSessionStore((state) => state.session?.role ?? null);
  const view: AppViewId | null = chosen ?? (role ? landingView(role) : null);
  const approvalsYoursToDecide = useApprovalsStore(selectYoursToDecideCount);
  // Another view asked for this one (an order's "Why late?"): open it.
  const requested = useNavigationStore((state) => state.requested);
  useEffect(() => {
    if (requested) setView(requested.view);
  }, [requested]);
  const density = useDensity();
  useViewShortcuts(setView);
  return (
    <div className={`app-shell density--${density}`}>
      <AppHeader />
      <ViewNav active={view} onOpen={setView} badges={{ approvals: approvalsYoursToDecide }} />
      <main className="app-main">
        <ConnectionBanners />
        {view === 'order-impact' && <OrderImpactView />}
        {view === 'stock' && <StockView />}
        {view === 'scenarios' && <ScenariosView />}
        {view === 'quarantine' && <QuarantineView />}
        {view === 'rebalancing' && <RebalancingView />}
        {view === 'approvals' && <ApprovalsView />}
        {view === 'monitor' && <MonitorView />}
        {view === 'audit' && <AuditView />}
      </main>
      <StatusBar />
    </div>
  );
}
