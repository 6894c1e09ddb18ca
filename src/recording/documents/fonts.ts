import fs from 'node:fs/promises';
import { createRequire } from 'node:module';

/*
 * The CJK font of printed documents. PDFs must show Chinese on any machine, so the font comes from
 * an npm package (@expo-google-fonts/noto-serif-sc: Noto Serif SC, 思源宋体, static TTF files under the
 * SIL Open Font License) rather than from the system. pdfkit subsets it: a document embeds only the
 * glyphs it uses. The files are 15 MB each, so they are read on first use and kept in memory.
 */

const require = createRequire(import.meta.url);

/** The family name documents use in pdfmake, and the PostScript name that appears in the PDF. */
export const PDF_FONT_FAMILY = 'NotoSerifSC';
export const PDF_FONT_POSTSCRIPT_NAME = 'NotoSerifSC';

const FILES = {
  normal: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export interface CjkFonts {
  normal: Buffer;
  bold: Buffer;
}

let loading: Promise<CjkFonts> | null = null;

/** The regular and bold font files, read once per process. */
export function loadCjkFonts(): Promise<CjkFonts> {
  loading ??= Promise.all([fs.readFile(require.resolve(FILES.normal)), fs.readFile(require.resolve(FILES.bold))])
    .then(([normal, bold]) => ({ normal, bold }))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
