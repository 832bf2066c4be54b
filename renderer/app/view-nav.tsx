import { appViews, type AppViewId } from './views';

/** What a view's badge counts, for its tooltip. */
const badgeMeanings: Partial<Record<AppViewId, (count: number) => string>> = {
  approvals: (count) => `${count} ${count === 1 ? 'request waits' : 'requests wait'} for your decision`,
};

interface ViewNavProps {
  /** Null until the session says which view the user starts on. */
  active: AppViewId | null;
  onOpen: (view: AppViewId) => void;
  /** A count beside a view's name, shown when above zero (work waiting there). */
  badges?: Partial<Record<AppViewId, number>>;
}

/** Left navigation; views not built yet are listed, marked, and cannot be opened. */
export function ViewNav({ active, onOpen, badges = {} }: ViewNavProps) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul>
        {appViews.map((view) => (
          <li key={view.id}>
            <button
              type="button"
              className={`view-nav__item${view.id === active ? ' view-nav__item--active' : ''}`}
              aria-current={view.id === active ? 'page' : undefined}
              disabled={!view.available}
              title={view.available ? undefined : `${view.label} is not available yet`}
              onClick={() => onOpen(view.id)}
              data-testid={`nav-${view.id}`}
            >
              <span>{view.label}</span>
              {!view.available && <span className="view-nav__soon">Soon</span>}
              {view.available && (badges[view.id] ?? 0) > 0 && (
                <span className="view-nav__badge" title={badgeMeanings[view.id]?.(badges[view.id] ?? 0)} data-testid={`nav-${view.id}-badge`}>
                  {badges[view.id]}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
