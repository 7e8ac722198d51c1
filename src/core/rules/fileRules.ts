import { turnOff, type FileRule } from './rule';

// Findings about files as files, reported by the loading pipeline (src/core/load/loadPipeline.ts) when it reads them:
// no story rule can see them, since there may be no story at all.

export const unreadableFile: FileRule<'unreadable-file'> = {
  code: 'unreadable-file',
  defaultSeverity: 'error',
  title: 'A backlog file or folder could not be read.',
  description:
    'Its stories are missing from the backlog: the permission is denied, or it is not a regular file (a device, a pipe, a link that leads outside the folder), or it is larger than 64 MB. Give it read permission, or move it out of the backlog folder.',
};

export const unsupportedEncoding: FileRule<'unsupported-encoding'> = {
  code: 'unsupported-encoding',
  defaultSeverity: 'warning',
  title: 'A backlog file is not valid UTF-8 text.',
  description: `Some bytes are not UTF-8 (a Latin-1 or Windows-1252 file) and are shown as �, or the file holds binary data. Save it as UTF-8. ${turnOff('unsupported-encoding')}`,
};

export const utf16Encoding: FileRule<'utf16-encoding'> = {
  code: 'utf16-encoding',
  defaultSeverity: 'info',
  title: 'A backlog file is stored as UTF-16.',
  description: `Rudder reads it (the byte-order mark says so), but Backlog.md, git diff and most tools expect UTF-8. Save it as UTF-8 (in VS Code: Save with Encoding). ${turnOff('utf16-encoding')}`,
};
