// The grids' look, through AG Grid's theming API: the app's type scale and colours, roomy rows; in
// touch density larger type and rows a gloved finger can hit (≥ 48 px).
import { themeQuartz } from 'ag-grid-community';
import type { UiDensity } from '../../shared/api/session';

export const appGridTheme = themeQuartz.withParams({
  fontFamily: ['Inter', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
  fontSize: 14,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerTextColor: '#3b4654',
  headerBackgroundColor: '#f3f5f8',
  foregroundColor: '#1c2430',
  backgroundColor: '#ffffff',
  accentColor: '#2458b3',
  borderColor: '#dde2e8',
  rowBorder: { color: '#e8ecf0' },
  selectedRowBackgroundColor: '#e3edff',
  rowHoverColor: '#f4f7fb',
  cellHorizontalPadding: 10,
  wrapperBorderRadius: 6,
  headerHeight: 40,
  rowHeight: 52,
});

export const touchGridTheme = appGridTheme.withParams({
  fontSize: 17,
  headerFontSize: 15,
  cellHorizontalPadding: 12,
  headerHeight: 52,
  rowHeight: 64,
});

export function gridThemeFor(density: UiDensity) {
  return density === 'touch' ? touchGridTheme : appGridTheme;
}
