// Renderer entry: AG Grid's modules, the bridge that feeds the stores, then the app.
import './grid/register-ag-grid';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/app-shell';
import { startBridge } from './state/bridge';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

startBridge();
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
