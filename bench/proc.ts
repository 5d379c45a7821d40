import { readFile, readdir, writeFile } from 'node:fs/promises';

/** Every process below `pid`, itself included, from /proc (Linux). */
export async function processTree(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!parents.has(ppid)) parents.set(ppid, []);
    parents.get(ppid)!.push(Number(name));
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]!) ?? []));
  return out;
}

/** A field of /proc/<pid>/status in MB (VmRSS: resident now; VmHWM: the most resident since start or reset), 0 once gone. */
async function statusMB(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

/** Resident memory summed over the processes, in MB. */
export async function rssMB(pids: readonly number[]): Promise<number> {
  let sum = 0;
  for (const pid of pids) sum += await statusMB(pid, 'VmRSS');
  return sum;
}

/** The most the process has held resident since it started, or since resetPeakRss(). */
export function peakRssMB(pid: number): Promise<number> {
  return statusMB(pid, 'VmHWM');
}

/**
 * Starts the process's peak (VmHWM) over from what it holds now (Linux 4.0 and later, our own
 * processes): the peak in service is then told apart from the peak while loading. False if refused.
 */
export async function resetPeakRss(pid: number): Promise<boolean> {
  return writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  );
}
