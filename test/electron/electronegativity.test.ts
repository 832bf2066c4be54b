// Electronegativity (Doyensec's checker of Electron misconfigurations) over the Electron host's sources,
// inside npm test: any finding of high or medium severity fails, unless it is in the one reviewed list
// (build/electronegativity-reviewed.json) with the reason it is not a problem. A reviewed entry that no
// longer matches a finding fails too, so the list never hides more than it says.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
}

/** The CSV the tool writes: one finding a line, fields quoted where they hold commas. */
function parseFindings(csv: string): Finding[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const fields = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((match) => match[2] ?? match[1] ?? '');
      return { check: fields[0]!, severity: fields[1]!, file: fields[3]!, location: fields[4]!, sample: fields[5]! };
    });
}

describe('Electronegativity', () => {
  it('finds nothing of high or medium severity in the Electron host but what was reviewed', () => {
    const temp = makeTempDir();
    try {
      const out = temp.file('findings.csv');
      const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
      // The Electron version is named: the tool would look it up online otherwise.
      const version = (require('electron/package.json') as { version: string }).version;
      const run = spawnSync(process.execPath, [cli, '-i', path.join(repoRoot, 'electron'), '-r', '-e', version, '-v', 'false', '-o', out], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const findings = parseFindings(readFileSync(out, 'utf8'));
      const { reviewed } = JSON.parse(readFileSync(path.join(repoRoot, 'build/electronegativity-reviewed.json'), 'utf8')) as { reviewed: { check: string; file: string; reason: string }[] };
      const isReviewed = (finding: Finding) => reviewed.some((entry) => entry.check === finding.check && entry.file === finding.file);
      const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
      expect(serious.filter((finding) => !isReviewed(finding)).map((finding) => `${finding.check} ${finding.file}:${finding.location} ${finding.sample}`)).toEqual([]);
      for (const entry of reviewed) {
        expect(entry.reason.length, `${entry.check}: the reason it is not a problem`).toBeGreaterThan(40);
        expect(serious.some((finding) => finding.check === entry.check && finding.file === entry.file), `${entry.check} in ${entry.file} is reviewed but no longer found: take it off the list`).toBe(true);
      }
    } finally {
      temp.remove();
    }
  }, 150_000);
});
