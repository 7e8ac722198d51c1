import type { Story } from '../model/story';
import type { StoryRule } from './rule';

// The parser finds these (it reads the file through its conflict markers, src/core/parse/mergeConflict.ts); the
// rule forwards them so they get config severities like every other code.
export const mergeConflict: StoryRule<'merge-conflict'> = {
  code: 'merge-conflict',
  defaultSeverity: 'error',
  title: 'The file holds an unresolved merge conflict.',
  description:
    'Git left conflict markers (<<<<<<<, =======, >>>>>>>) in the file: it holds two versions of the story. Rudder reads the first one ("ours") and checks nothing else in the file until the conflict is resolved; grooming commands leave it alone. Use a quick fix to keep ours, theirs or both, or edit the file and delete the marker lines. Not recommended to turn off.',
  check: (story) => story.problems.filter((p) => p.code === 'merge-conflict'),
};

/** Returns true when the story's file holds conflict markers: its other findings wait until they are resolved. */
export function inConflict(story: Story): boolean {
  return story.problems.some((p) => p.code === 'merge-conflict');
}
