/**
 * The shape of a message catalogue: the same nesting as the reference catalogue (zh-CN), with every
 * leaf a string. `en` is declared with this type, so a key missing or added on either side is a type
 * error, and the unit test checks the same at run time.
 */
export type DeepStringRecord<T> = {
  [K in keyof T]: T[K] extends string ? string : DeepStringRecord<T[K]>;
};
