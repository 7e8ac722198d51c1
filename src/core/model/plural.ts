/** Returns a count with its noun, singular for one: `1 story`, `3 stories`, `0 epics` (pass the plural when it is not `word + s`). */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
