/**
 * The kernel's pseudo file systems (proc, sysfs, ...), where a "file" that
 * takes a write may be a setting of the machine: the CLI never writes a
 * report or a student copy there, wherever such a file system is mounted.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** statfs's f_type of the kernel's pseudo file systems (Linux's magic.h). */
const PSEUDO_FILE_SYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x73636673, // securityfs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
]);

/** True when `file`, or the nearest folder above it that exists, is on one of the kernel's pseudo file systems. */
export function onPseudoFileSystem(file: string): boolean {
  let existing = path.resolve(file);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    return PSEUDO_FILE_SYSTEMS.has(fs.statfsSync(existing).type);
  } catch {
    return false; // no statfs here: the write itself will tell
  }
}
