import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who holds the data-folder lock, precisely enough to tell a live holder from a dead one whose pid
 * was reused. On Linux: the pid's start time (`/proc/<pid>/stat` field 22, clock ticks since boot),
 * the boot id (a reboot frees every lock) and the pid namespace (a pid from another container
 * cannot be checked from here). Elsewhere those are null and only the pid and heartbeat count.
 */
export interface ProcessIdentity {
  pid: number;
  host: string;
  bootId: string | null;
  pidNamespace: string | null;
  startTime: string | null;
}

const readOrNull = (read: () => string): string | null => {
  try {
    return read().trim() || null;
  } catch {
    return null; // not Linux, or /proc hidden from us
  }
};

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and brackets, so count from the last ')'. */
function startTimeOf(pid: number): string | null {
  return readOrNull(() => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf-8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  });
}

/** This process, as it records itself in the lock. */
export function currentIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: readOrNull(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf-8')),
    pidNamespace: readOrNull(() => readlinkSync('/proc/self/ns/pid')),
    startTime: startTimeOf(process.pid),
  };
}

/** Signal 0 checks existence only; EPERM means it exists but belongs to another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lock holder recorded as `holder` is certainly gone, and why (for the log), or
 * undefined when this process cannot tell (it may be alive; only its heartbeat can say).
 */
export function goneBecause(holder: ProcessIdentity, me: ProcessIdentity = currentIdentity()): string | undefined {
  // Another machine (a shared folder) or another pid namespace (a container): its pid means nothing here.
  if (holder.host !== me.host || holder.pidNamespace !== me.pidNamespace) return undefined;
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return 'the machine has restarted since';
  if (!isAlive(holder.pid)) return `process ${holder.pid} is no longer running`;
  const now = startTimeOf(holder.pid);
  if (holder.startTime && now && holder.startTime !== now) return `process id ${holder.pid} now belongs to another program`;
  return undefined;
}
