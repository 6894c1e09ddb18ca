import { createRequire } from 'node:module';

/**
 * Chinese word segmentation for the law library's full-text search (@node-rs/jieba, a native
 * module). Its dictionary takes ≈ 0.7 s of CPU to load, so it is loaded on first use: at the first
 * start (to index the shipped texts) and at the first search, never on an ordinary start.
 */
interface Segmenter {
  cut(sentence: string, hmm?: boolean): string[];
  cutForSearch(sentence: string, hmm?: boolean): string[];
}

let segmenter: Segmenter | null = null;

function jieba(): Segmenter {
  if (!segmenter) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Segmenter } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    segmenter = Jieba.withDict(dict);
  }
  return segmenter;
}

/**
 * Lets the dictionary go (≈ 70 MiB of native memory) once the shipped texts are indexed at a first
 * start: a server that nobody searches yet should not hold it (issue 8: idle memory ≤ 300 MiB). The
 * next search loads it again.
 */
export function releaseSegmenter(): void {
  segmenter = null;
}

/** A word worth indexing or searching: letters or digits (punctuation and spaces are dropped). */
const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * The words of a text to index, space-separated, in search mode: a long word is indexed with the
 * shorter words inside it too (行政处罚 → 行政, 处罚, 行政处罚), so a query for either finds it.
 */
export function indexWords(text: string): string {
  return jieba()
    .cutForSearch(text, true)
    .filter((w) => WORD.test(w))
    .map((w) => w.toLowerCase())
    .join(' ');
}

/** The words of a query, each at most once, in the order typed (precise mode: 听证程序 → 听证, 程序). */
export function queryWords(query: string): string[] {
  return [...new Set(jieba().cut(query, true).filter((w) => WORD.test(w)).map((w) => w.toLowerCase()))];
}
