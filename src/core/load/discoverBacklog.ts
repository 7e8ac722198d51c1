import { parseConfig } from '../config/parseConfig';
import type { RudderConfig } from '../model/config';
import type { Issue } from '../model/issue';
import { decodeText } from './decodeText';
import type { FileSource } from './fileSource';

/** Rudder's own configuration file, at the root. */
export const RUDDER_YML = '.rudder.yml';
/** Backlog.md's configuration file, in the backlog folder. */
export const BACKLOG_MD_CONFIG = 'config.yml';
// Why 1 MB: a real configuration is a few hundred bytes; a bigger file is a mistake (or a link to a device) and
// must not be read whole.
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Where a root's backlog is, before its configuration is read. */
export interface BacklogLocation {
  /** The backlog folder when no `.rudder.yml` says otherwise: 'backlog', or '.' when the root is the backlog folder itself. */
  readonly backlogFolder: string;
}

/**
 * Returns where the backlog of a root is: `.rudder.yml` or a `backlog/` folder → 'backlog'; a root that is itself a
 * backlog folder (Backlog.md's `config.yml` with statuses, or a `tasks/` or `milestones/` folder, or `vision.md`) →
 * '.'; else undefined (no backlog here).
 */
export async function findBacklog(source: FileSource): Promise<BacklogLocation | undefined> {
  const [rudderYml, backlog] = await Promise.all([source.kindOf(RUDDER_YML), source.kindOf('backlog')]);
  if (rudderYml !== undefined || backlog === 'folder') return { backlogFolder: 'backlog' };
  const [config, tasks, milestones, vision] = await Promise.all([source.kindOf(BACKLOG_MD_CONFIG), source.kindOf('tasks'), source.kindOf('milestones'), source.kindOf('vision.md')]);
  if (config === 'file') {
    const [read] = await source.read([BACKLOG_MD_CONFIG], { maxBytes: MAX_CONFIG_BYTES });
    if (read.ok && /^statuses\s*:/m.test(decodeText(read.bytes))) return { backlogFolder: '.' };
  }
  if (tasks === 'folder' || milestones === 'folder' || vision === 'file') return { backlogFolder: '.' };
  return undefined;
}

/** The effective configuration of a backlog and what it was read from. */
export interface LoadedConfig {
  readonly config: RudderConfig;
  /** Problems of the configuration (code invalid-config). */
  readonly issues: readonly Issue[];
  /** The configuration files that were looked for (root-relative): a change to any of them means a full reload. */
  readonly files: readonly string[];
}

/**
 * Returns the configuration of a backlog: `.rudder.yml` at the root over Backlog.md's `config.yml` in the backlog
 * folder (the folder `.rudder.yml` names, else the located one), else the defaults. Never throws: a configuration
 * that cannot be read is an `invalid-config` issue and the defaults apply.
 */
export async function readBacklogConfig(source: FileSource, location: BacklogLocation): Promise<LoadedConfig> {
  const issues: Issue[] = [];
  const rudderYml = await readConfigFile(source, RUDDER_YML, issues);
  let parsed = parseConfig({ rudderYml, backlogFolder: location.backlogFolder });
  // Why two passes: `.rudder.yml` may move the backlog folder, and Backlog.md's config.yml lives in that folder.
  const mdPath = configInFolder(parsed.config.backlog);
  const backlogMdConfigYml = await readConfigFile(source, mdPath, issues);
  if (backlogMdConfigYml !== undefined) parsed = parseConfig({ rudderYml, backlogMdConfigYml, backlogFolder: location.backlogFolder });
  return { config: parsed.config, issues: [...issues, ...parsed.issues], files: [RUDDER_YML, mdPath] };
}

/** Returns the path of Backlog.md's config.yml in a backlog folder. */
function configInFolder(folder: string): string {
  const f = folder.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return f === '' || f === '.' ? BACKLOG_MD_CONFIG : `${f}/${BACKLOG_MD_CONFIG}`;
}

/** Returns the text of a configuration file, undefined when there is none; reports one that exists but cannot be used. */
async function readConfigFile(source: FileSource, path: string, issues: Issue[]): Promise<string | undefined> {
  const kind = await source.kindOf(path);
  if (kind === undefined) return undefined;
  const report = (why: string) =>
    issues.push({
      code: 'invalid-config',
      severity: 'error',
      message: `${path} ${why}; Rudder uses the defaults instead. Make it a regular file of settings, or remove it.`,
      path,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
  if (kind === 'folder') {
    report('is a folder, not a file');
    return undefined;
  }
  if (kind === 'other') {
    report('is not a regular file (a device, a pipe, or a link that leads outside the folder)');
    return undefined;
  }
  const [read] = await source.read([path], { maxBytes: MAX_CONFIG_BYTES });
  if (read.ok) return decodeText(read.bytes);
  if (read.reason === 'missing') return undefined;
  if (read.reason === 'too-large') report(`is larger than ${MAX_CONFIG_BYTES / 1024} KB`);
  else report(`cannot be read (${read.message})`);
  return undefined;
}
