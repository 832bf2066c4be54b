import { appViews, type AppViewId } from './views';

/** Left navigation; views not built yet are listed, marked, and cannot be opened. */
export function ViewNav({ active, onOpen }: { active: AppViewId; onOpen: (view: AppViewId) => void }) {
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
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
