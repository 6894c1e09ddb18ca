/** The building blocks of the UI string tree (../ui.ts): a pair of strings and the tree of pairs. */

/** One string (or string-producing function) in both languages. */
export interface Text<T = string> {
  zh: T;
  en: T;
}

export type Leaf = Text<string> | Text<(...args: never[]) => string>;
export interface Tree {
  [key: string]: Leaf | Tree;
}

export const t = (zh: string, en: string): Text => ({ zh, en });
