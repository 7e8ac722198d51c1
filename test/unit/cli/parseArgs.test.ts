import * as assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/cliIo';
import { formatOptionsHelp, parseArgs, type OptionSpec } from '../../../src/cli/parseArgs';

const specs: OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', choices: ['text', 'json'], description: 'Format.' },
  { name: 'max-warnings', type: 'string', valueName: 'N', description: 'Max.' },
  { name: 'json', type: 'boolean', description: 'JSON.' },
];

describe('cli parseArgs', () => {
  it('reads long, --name=value, short and boolean options and positionals in any order', () => {
    assert.deepEqual(parseArgs(['dir', '--format', 'json', '--max-warnings=3', '--json'], specs, 'lint'), {
      values: { format: 'json', 'max-warnings': '3', json: true },
      positionals: ['dir'],
    });
    assert.deepEqual(parseArgs(['-f', 'text', '--', '--json'], specs, 'lint'), { values: { format: 'text' }, positionals: ['--json'] });
    assert.deepEqual(parseArgs(['-fjson'], specs, 'lint').values, { format: 'json' });
  });

  it('rejects unknown options, missing values, bad choices and values on booleans with a UsageError that says what to do', () => {
    assert.throws(() => parseArgs(['--fromat', 'json'], specs, 'lint'), (e: Error) => e instanceof UsageError && /unknown option '--fromat'.*rudder lint --help/.test(e.message));
    assert.throws(() => parseArgs(['--format'], specs, 'lint'), /needs a value \(one of: text, json\)/);
    assert.throws(() => parseArgs(['--format', 'xml'], specs, 'lint'), /invalid value 'xml' for '--format' \(one of: text, json\)/);
    assert.throws(() => parseArgs(['--json=yes'], specs, 'lint'), /takes no value/);
  });

  it('formats aligned option help', () => {
    assert.equal(
      formatOptionsHelp(specs),
      ['  -f, --format <text|json>  Format.', '      --max-warnings <N>    Max.', '      --json                JSON.'].join('\n'),
    );
  });
});
