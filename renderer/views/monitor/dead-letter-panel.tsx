// One dead letter beside the grid: why it was not taken in, the message as it came, and what support
// does with it once the cause is fixed: replay it (or every open one of its reason), or discard it
// with a reason. Both go into the audit trail. One a plant's unknown unit code caused is fixed by
// mapping the code.
import { useState } from 'react';
import type { DeadLetterRow } from '../../../shared/api/monitor';
import { apiClient } from '../../api/client';
import { formatDateTime } from '../../format/time';
import { UnitMappingForm, unmappedUnitOf } from './unit-mapping-form';

/** `units`: master data's units, what a plant's unknown unit code can be mapped to. */
export function DeadLetterPanel({ letter, units, onDone, onClose }: { letter: DeadLetterRow; units: readonly string[]; onDone(message: string, warn?: boolean): void; onClose(): void }) {
  const unmapped = unmappedUnitOf(letter);
  const [why, setWhy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** A replay that failed again is said as a warning, not as done. */
  async function run(work: () => Promise<string | { text: string; warn: boolean }>) {
    setBusy(true);
    setError(null);
    try {
      const outcome = await work();
      if (typeof outcome === 'string') onDone(outcome);
      else onDone(outcome.text, outcome.warn);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }
  const replayed = (result: { replayed: number; failed: { id: number; reason: string }[] }) =>
    result.failed.length === 0 ? `Replayed ${result.replayed}.` : { text: `Replayed ${result.replayed}; ${result.failed.length} failed again: ${result.failed[0]!.reason}`, warn: true };

  return (
    <aside className="monitor-panel" aria-label={`Dead letter ${letter.id}`} data-testid="dead-letter-panel">
      <header className="monitor-panel__header">
        <h2>Dead letter {letter.id}</h2>
        <button type="button" className="icon-button" aria-label="Close the dead letter" onClick={onClose}>
          ×
        </button>
      </header>
      <dl className="monitor-panel__facts">
        <dt>Reason</dt>
        <dd className="text-danger" data-testid="dead-letter-reason">
          {letter.reason}
        </dd>
        <dt>From</dt>
        <dd>
          {letter.connector}
          {letter.stream ? ` · ${letter.stream} #${letter.seq}` : ''} · {formatDateTime(letter.receivedAt)}
        </dd>
        {letter.resolution && (
          <>
            <dt>Resolved</dt>
            <dd>
              {letter.resolution} by {letter.resolvedBy}, {letter.resolvedAt ? formatDateTime(letter.resolvedAt) : ''}
              {letter.resolutionNote ? `: ${letter.resolutionNote}` : ''}
            </dd>
          </>
        )}
      </dl>
      <pre className="monitor-panel__raw" data-testid="dead-letter-raw">
        {readableRaw(letter.raw)}
      </pre>
      {letter.resolution === null && unmapped && <UnitMappingForm plant={unmapped.plant} code={unmapped.code} units={units} busy={busy} run={(work) => void run(work)} />}
      {letter.resolution === null && (
        <div className="monitor-panel__actions">
          <button type="button" className="button button--small button--primary" disabled={busy} onClick={() => void run(async () => replayed(await apiClient.invoke('monitor.replayDeadLetters', { id: letter.id })))} data-testid="replay-dead-letter">
            Replay
          </button>
          <button type="button" className="button button--small" disabled={busy} title="Every open dead letter with this reason" onClick={() => void run(async () => replayed(await apiClient.invoke('monitor.replayDeadLetters', { reason: letter.reason })))} data-testid="replay-reason">
            Replay all of this reason
          </button>
          <label className="monitor-panel__discard">
            <span>Discard, because</span>
            <input value={why} onChange={(event) => setWhy(event.target.value)} maxLength={500} placeholder="a test message from commissioning" data-testid="discard-reason" />
          </label>
          <button type="button" className="button button--small button--danger" disabled={busy || why.trim() === ''} title={why.trim() === '' ? 'Say why it is discarded' : undefined} onClick={() => void run(async () => (await apiClient.invoke('monitor.discardDeadLetter', { id: letter.id, reason: why.trim() }), `Discarded dead letter ${letter.id}.`))} data-testid="discard-dead-letter">
            Discard
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="dead-letter-error">
          {error}
        </p>
      )}
    </aside>
  );
}

/** The message as it came, indented; a plant's B2MML shown as the XML it is, after its envelope. */
function readableRaw(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  const payload = (parsed as { payload?: { xml?: unknown } } | null)?.payload;
  if (typeof payload?.xml !== 'string') return JSON.stringify(parsed, null, 2);
  const { payload: _payload, ...envelope } = parsed as Record<string, unknown>;
  return `${JSON.stringify(envelope, null, 2)}\n\n${payload.xml}`;
}
