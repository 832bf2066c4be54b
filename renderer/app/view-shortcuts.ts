// Keyboard shortcuts of the frame: Ctrl/Cmd+1..8 open the views in navigation order, Ctrl/Cmd+F puts
// the cursor in the open view's search field (its grid's quick filter) instead of the browser's find.
import { useEffect } from 'react';
import { appViews, type AppViewId } from './views';

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Ctrl on Windows and Linux, Cmd on macOS; either is taken, with no Alt or Shift. */
const withCommand = (event: Keys): boolean => (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

/** The view Ctrl/Cmd+<digit> opens, when that digit names an available one. */
export function viewForShortcut(event: Keys): AppViewId | null {
  if (!withCommand(event) || !/^[1-9]$/.test(event.key)) return null;
  const view = appViews[Number(event.key) - 1];
  return view?.available ? view.id : null;
}

export const isFindShortcut = (event: Keys): boolean => withCommand(event) && event.key.toLowerCase() === 'f';

/** The open view's first visible search field. */
function searchField(): HTMLInputElement | null {
  const fields = [...document.querySelectorAll<HTMLInputElement>('main input[type="search"]')];
  return fields.find((field) => field.offsetParent !== null) ?? null;
}

export function useViewShortcuts(open: (view: AppViewId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const view = viewForShortcut(event);
      if (view) {
        event.preventDefault();
        open(view);
        return;
      }
      if (!isFindShortcut(event)) return;
      const field = searchField();
      // A view without a search field leaves Ctrl/Cmd+F to the browser.
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}
