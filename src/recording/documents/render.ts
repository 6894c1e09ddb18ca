import { drawDocx } from './docx.js';
import { layoutDocument, type RenderInput } from './layout.js';
import { drawPdf } from './pdf.js';

export type { RenderInput } from './layout.js';

/**
 * A uniform document as a Word file (R2, R6). Validates `fields` against the type's schema first:
 * VALIDATION_FAILED (with field issues) or INVALID_IMAGE for a signature that is not PNG/JPEG.
 */
export async function renderDocx(input: RenderInput): Promise<Buffer> {
  return drawDocx(layoutDocument(input));
}

/**
 * A uniform document as a PDF with an embedded CJK font (no system font needed). Same validation
 * as renderDocx. The first call reads the font files (about 30 MB); later calls reuse them.
 */
export async function renderPdf(input: RenderInput): Promise<Buffer> {
  return drawPdf(layoutDocument(input));
}
