// Support tests a gateway before it is configured: its address, the workstation token and the plant;
// the answer says what holds (reachable, token taken, protocol, plant, clock) and each problem in its
// own sentence. The app's own connections are not touched.
import { useState } from 'react';
import type { ConnectionTestResult } from '../../../shared/api/connectors';
import { apiClient } from '../../api/client';

function verdict(result: ConnectionTestResult): string {
  if (result.ok) return `Ready: sync protocol ${result.protocolVersion ?? '?'}, epoch ${result.epoch ?? '?'}, plants ${(result.plants ?? []).join(', ')}; clock ${Math.round(Math.abs(result.clockSkewMs ?? 0) / 1000)} s off`;
  if (!result.reachable) return 'Not reachable';
  if (!result.tokenAccepted) return 'Reachable, token refused';
  return 'Reachable, token taken, but not usable';
}

export function GatewayTestForm() {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [plant, setPlant] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function test() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await apiClient.invoke('connectors.test', { url: url.trim(), token, ...(plant.trim() ? { plant: plant.trim() } : {}) }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="monitor-connectors__test" aria-labelledby="gateway-test-title">
      <h2 id="gateway-test-title">Test a gateway</h2>
      <form
        className="gateway-test"
        onSubmit={(event) => {
          event.preventDefault();
          void test();
        }}
        data-testid="gateway-test-form"
      >
        <label>
          <span>Address</span>
          <input value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://gateway.plant.example:4100" data-testid="gateway-test-url" />
        </label>
        <label>
          <span>Workstation token</span>
          <input type="password" value={token} onChange={(event) => setToken(event.target.value)} autoComplete="off" data-testid="gateway-test-token" />
        </label>
        <label>
          <span>Plant</span>
          <input value={plant} onChange={(event) => setPlant(event.target.value)} placeholder="P1" size={6} data-testid="gateway-test-plant" />
        </label>
        <button type="submit" className="button button--small" disabled={busy || url.trim() === '' || token === ''} data-testid="gateway-test-submit">
          {busy ? 'Testing…' : 'Test'}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className={`callout ${result.ok ? 'notice-done' : 'callout--danger'}`} role="status" data-testid="gateway-test-result">
          <strong>{verdict(result)}</strong>
          {[...result.problems, ...result.warnings].map((line) => (
            <span key={line}>{line}</span>
          ))}
        </div>
      )}
    </section>
  );
}
