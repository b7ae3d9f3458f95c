/**
 * The shell's own small settings file, userData/keyplan-config.json. For now it remembers the
 * database the user last opened. Node only, no Electron, so it is tested on real files.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE = 'keyplan-config.json';

export interface ShellConfig {
  /** Absolute path of the last database that opened cleanly from the app. */
  lastDatabase?: string;
}

/** Reads the settings; a missing, unreadable or hand-mangled file reads as empty. */
export function readConfig(file: string): ShellConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const config: ShellConfig = {};
  const last = (raw as { lastDatabase?: unknown } | null)?.lastDatabase;
  if (typeof last === 'string' && path.isAbsolute(last)) config.lastDatabase = last;
  return config;
}

/** Writes the settings atomically (temp file, then rename), so a crash never leaves half a file. */
export function writeConfig(file: string, config: ShellConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * The remembered database if it is still there. One that has gone (a moved file, an unplugged
 * drive) is skipped rather than opened, because opening a missing path would quietly start a new,
 * empty database in its place.
 */
export function rememberedDatabase(config: ShellConfig, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  return config.lastDatabase && exists(config.lastDatabase) ? config.lastDatabase : undefined;
}
