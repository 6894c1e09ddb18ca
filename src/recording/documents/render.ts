import { layoutDocument, type RenderInput } from './layout.js';

export type { RenderInput } from './layout.js';

/**
 * A uniform document as a Word file (R2, R6). Validates `fields` against the type's schema first:
 * VALIDATION_FAILED (with field issues) or INVALID_IMAGE for a signature that is not PNG/JPEG.
 */
export async function renderDocx(input: RenderInput): Promise<Buffer> {
  const layout = layoutDocument(input);
  // docx and pdfmake load on the first document rather than at start-up (issue 8).
  const { drawDocx } = await import('./docx.js');
  return drawDocx(layout);
}

/**
 * A uniform document as a PDF with an embedded CJK font (no system font needed). Same validation
 * as renderDocx. The first call reads the font files (about 30 MB); later calls reuse them.
 */
export async function renderPdf(input: RenderInput): Promise<Buffer> {
  const layout = layoutDocument(input);
  const { drawPdf } = await import('./pdf.js');
  return drawPdf(layout);
}
