// What the Order Impact browser benchmark installs in the page: long tasks, slow input events, frames
// and frame gaps, and the time from pressing an exception row to its delay showing in the detail.
// Kept as script text: functions compiled by tsx carry helpers that do not exist in the page.

export interface ProbeSummary {
  durationMs: number;
  frames: number;
  gapsOver50: number;
  gapsOver100: number;
  maxGapMs: number;
  longTasks: number[];
  /** Event Timing entries of 16 ms or more (input to next paint), by event name. */
  slowEvents: { name: string; duration: number }[];
}

export interface RowTarget {
  id: string;
  x: number;
  y: number;
}

/**
 * Milliseconds from the click (pointer up) to the animation frame that renders each moment (its paint
 * ends that frame); `…AfterMs` to the first task after that frame, a pessimistic bound that also counts
 * tasks queued meanwhile (pushed messages under a storm). Null if the moment never came.
 */
export interface InteractionSample {
  /** The row selected and the detail's header naming its item. */
  headerMs: number | null;
  headerAfterMs: number | null;
  /** The delay's facts, loaded from the core, in the detail. */
  factsMs: number | null;
  factsAfterMs: number | null;
  rowId: string | null;
}

/** Defines window.__impactBench; run once after the page has loaded. */
export const installProbe = String.raw`(() => {
  const bench = { running: false, startedAt: 0, frames: 0, gapsOver50: 0, gapsOver100: 0, maxGapMs: 0, longTasks: [], slowEvents: [], pending: null, lastFrame: 0 };
  window.__impactBench = bench;
  new PerformanceObserver((list) => {
    if (bench.running) for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    if (bench.running) for (const entry of list.getEntries()) bench.slowEvents.push({ name: entry.name, duration: entry.duration });
  }).observe({ type: 'event', durationThreshold: 16 });
  const frame = (time) => {
    if (!bench.running) return;
    if (bench.lastFrame > 0) {
      const gap = time - bench.lastFrame;
      if (gap > 50) bench.gapsOver50 += 1;
      if (gap > 100) bench.gapsOver100 += 1;
      if (gap > bench.maxGapMs) bench.maxGapMs = gap;
    }
    bench.frames += 1;
    bench.lastFrame = time;
    requestAnimationFrame(frame);
  };
  bench.start = () => {
    Object.assign(bench, { running: true, startedAt: performance.now(), frames: 0, gapsOver50: 0, gapsOver100: 0, maxGapMs: 0, longTasks: [], slowEvents: [], lastFrame: 0 });
    requestAnimationFrame(frame);
  };
  bench.stop = () => {
    bench.running = false;
    const { frames, gapsOver50, gapsOver100, maxGapMs, longTasks, slowEvents } = bench;
    return { durationMs: performance.now() - bench.startedAt, frames, gapsOver50, gapsOver100, maxGapMs, longTasks, slowEvents };
  };

  const grid = () => document.querySelector('[data-testid="exceptions-grid"]');
  const cellText = (row, colId) => row.querySelector('[col-id="' + colId + '"] .two-line-cell__primary')?.textContent ?? '';
  const shownPoLine = () => document.querySelector('[data-testid="delay-facts"] dd')?.textContent ?? null;

  // A row in sight (what is under its item cell's centre is that row), not selected, whose PO line
  // differs from the one the detail shows.
  bench.pickRow = (turn) => {
    const rows = [...(grid()?.querySelectorAll('.ag-row[row-id]') ?? [])].flatMap((row) => {
      const cell = row.querySelector('[col-id="item"]');
      if (!cell || row.classList.contains('ag-row-selected') || cellText(row, 'sourceDocument') === shownPoLine()) return [];
      const box = cell.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      return document.elementFromPoint(x, y)?.closest('.ag-row[row-id]') === row ? [{ id: row.getAttribute('row-id'), x, y }] : [];
    });
    return rows.length === 0 ? null : rows[turn % rows.length];
  };

  // Waits for the next click on an exception row (from the pointer going up, when the grid selects),
  // then for two moments, each measured to the frame that paints it: the detail's header names the
  // row's item with the row selected (the visible answer), and freshly rendered delay facts show the
  // row's PO line (the exception loaded from the core; the previous facts element does not count).
  bench.arm = (timeoutMs) => {
    bench.pending = new Promise((resolve) => {
      let releasedAt = null;
      let target = null;
      let factsBefore = null;
      let header = [null, null];
      let facts = [null, null];
      const painted = (record) =>
        requestAnimationFrame(() => {
          const inFrame = performance.now() - releasedAt;
          setTimeout(() => record([inFrame, performance.now() - releasedAt]), 0);
        });
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        document.removeEventListener('pointerup', onRelease, true);
        resolve({ headerMs: header[0], headerAfterMs: header[1], factsMs: facts[0], factsAfterMs: facts[1], rowId: target?.id ?? null });
      };
      const onRelease = (event) => {
        const row = event.target.closest?.('.ag-row[row-id]');
        if (!row || !grid()?.contains(row) || releasedAt !== null) return;
        releasedAt = event.timeStamp;
        target = { id: row.getAttribute('row-id'), poLine: cellText(row, 'sourceDocument'), item: cellText(row, 'item') };
        factsBefore = document.querySelector('[data-testid="delay-facts"]');
      };
      const titleShowsItem = () => (document.querySelector('#exception-detail-title')?.textContent ?? '').startsWith(target.item);
      const rowSelected = () => grid()?.querySelector('.ag-row-selected[row-id="' + CSS.escape(target.id) + '"]') !== null;
      const factsShown = () => {
        const facts = document.querySelector('[data-testid="delay-facts"]');
        return facts !== null && facts !== factsBefore && facts.textContent.includes(target.poLine);
      };
      let headerSeen = false;
      let factsSeen = false;
      const observer = new MutationObserver(() => {
        if (releasedAt === null) return;
        if (!headerSeen && rowSelected() && titleShowsItem()) {
          headerSeen = true;
          painted((times) => (header = times));
        }
        if (headerSeen && !factsSeen && factsShown() && titleShowsItem()) {
          factsSeen = true;
          observer.disconnect();
          painted((times) => {
            facts = times;
            finish();
          });
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
      document.addEventListener('pointerup', onRelease, true);
      const timer = setTimeout(finish, timeoutMs);
    });
    return true;
  };

  /** Rows the exceptions grid holds (not only those rendered): AG Grid's aria-rowcount less the header row. */
  bench.gridRowCount = () => Number(grid()?.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 1) - 1;
  return true;
})()`;

export const startProbe = 'window.__impactBench.start()';
export const stopProbe = 'window.__impactBench.stop()';
export const pickRow = (turn: number) => `window.__impactBench.pickRow(${turn})`;
export const armInteraction = (timeoutMs: number) => `window.__impactBench.arm(${timeoutMs})`;
export const awaitInteraction = 'window.__impactBench.pending';
export const gridRowCount = 'window.__impactBench.gridRowCount()';
