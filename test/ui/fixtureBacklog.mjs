// The fixture workspace's backlog (test/fixtures/workspace), in backlog order: ranked a0..a6, then the unranked S-7.
export const FIXTURE_ROWS = [
  ['Backlog import', 'E-1'],
  ['Import stories from a CSV file', 'S-1'],
  ['Show the import preview', 'S-2'],
  ['Map CSV columns to fields', 'S-3'],
  ['Undo an import', 'S-4'],
  ['Export the backlog as CSV', 'S-5'],
  ['Sync with the issue tracker', 'S-6'],
  ['Keyboard shortcuts for the board', 'S-7'],
].map(([title, id]) => ({ title, id }));
