// The virtual module esbuild.js generates for the web worker suite: each suite file of test/host/suite, by its
// `x.test.js` name, as a function that requires (and so runs) it.
declare module 'rudder:host-suites' {
  export const SUITES: Readonly<Record<string, () => unknown>>;
}
