/**
 * The shape of a scenario.yaml. `schemas/scenario.schema.json` is generated from these types
 * (`npm run gen:scenario-schema`, scripts/gen-scenario-schema.js): a key's JSDoc text is its
 * description, `@examples` its examples, and `@asType integer`, `@minimum`, `@pattern`,
 * `@minProperties`... its constraints. The loader checks the file against that schema first,
 * so code after it may rely on these types.
 *
 * Keep the words here for the person writing a scenario (editors show them on hover), and
 * keep each interface closed: the generator makes every object `additionalProperties: false`.
 */
export type * from './common';
export type * from './lint';
export type * from './objects';
export type * from './endpoints';
export type * from './routes';
export type * from './dns';
export type * from './get';
export type * from './matrix';
export type * from './reachability';
export type * from './expect';
export type * from './steps';
export type * from './cluster';
export type * from './scenario';
