import { watch, type FSWatcher } from 'node:fs';

/** Pages that change within this time of each other are taken in one regeneration. */
const SETTLE_MS = 100;

/**
 * `generate --watch`: runs once, then again after every change under the folders, one run at a
 * time. A failing run (a bad page) is reported by `run` and the watch goes on; Ctrl-C ends it.
 */
export async function watchDocs(folders: string[], run: () => Promise<number>): Promise<number> {
  await run();
  process.stderr.write(`watching ${folders.join(', ')} for changes (Ctrl-C to stop)\n`);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let pending = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (pending) return;
      pending = true;
      running = running.then(async () => {
        pending = false;
        await run();
      });
    }, SETTLE_MS);
  };
  const watchers: FSWatcher[] = folders.map((folder) => watch(folder, { recursive: true }, (_, file) => {
    if (!file || /\.md$/i.test(file)) schedule();
  }));
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      resolve(0);
    });
  });
}
