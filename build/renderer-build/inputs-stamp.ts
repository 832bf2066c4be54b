// The stamp of a renderer build: a hash of everything the build reads from the repository, so a
// build whose stamp matches the sources' is current and need not run again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where a build keeps its stamp, inside the folder it built. Dot-named, so the web host does not serve it. */
export const stampFileName = '.build-stamp';

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  const found = readdirSync(full, { withFileTypes: true, recursive: true });
  return found.filter((dirent) => dirent.isFile()).map((dirent) => path.relative(root, path.join(dirent.parentPath, dirent.name)));
}

/**
 * Hashes the named files and every file under the named folders (paths relative to `root`), in a
 * fixed order, path and content both: a renamed file changes the stamp as much as an edited one.
 */
export function inputsStamp(root: string, inputs: { folders: readonly string[]; files: readonly string[] }): string {
  const relativePaths = [...inputs.folders.flatMap((folder) => filesUnder(root, folder)), ...inputs.files]
    .map((relative) => relative.split(path.sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const relative of relativePaths) {
    const content = readFileSync(path.join(root, relative));
    hash.update(`${relative}\0${content.length}\0`).update(content).update('\0');
  }
  return hash.digest('hex');
}

/** The stamp a built folder carries, or null when it has none (not built by build-renderer, or absent). */
export function readStamp(builtFolder: string): string | null {
  try {
    return readFileSync(path.join(builtFolder, stampFileName), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
