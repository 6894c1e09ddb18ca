import { createRequire } from 'node:module';
import { loadCjkFonts, PDF_FONT_FAMILY } from './fonts.js';
import type { Block, DocumentModel } from './layout.js';

/*
 * PDF output through pdfmake 0.3's layout engine, used directly (its Printer) rather than through
 * the package's process-wide singleton, so fonts and access policies set here cannot clash with
 * another module's: fonts come from an in-memory file system, URLs are never fetched and local
 * files never read.
 */

const require = createRequire(import.meta.url);

type Content = string | Content[] | { [key: string]: unknown };

interface PdfKitDocument extends NodeJS.ReadableStream {
  end(): void;
}
interface PrinterInstance {
  createPdfKitDocument(definition: Record<string, unknown>, options?: Record<string, unknown>): Promise<PdfKitDocument>;
}
type PrinterClass = new (
  fonts: Record<string, Record<string, string>>,
  virtualfs: { existsSync(name: string): boolean; readFileSync(name: string): Buffer },
  urlResolver: { resolve(url: string): Promise<void>; resolved(): Promise<unknown> },
  localAccessPolicy: (path: string) => boolean,
) => PrinterInstance;

const Printer = (require('pdfmake/js/Printer.js') as { default: PrinterClass }).default;

/** Millimetres to PDF points. */
const mm = (n: number) => (n * 72) / 25.4;
const BODY_SIZE = 12;

function blockContent(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, bold: true, margin: [0, 6, 0, 2] };
    case 'paragraph':
      return { text: b.text, leadingIndent: BODY_SIZE * 2, margin: [0, 2, 0, 2] };
    case 'line':
      return { text: b.text, margin: [0, 4, 0, 2] };
    case 'field':
      return { text: [{ text: `${b.label}：`, bold: true }, b.value], margin: [0, 1, 0, 1] };
    case 'list':
      return { ol: b.items, margin: [BODY_SIZE, 2, 0, 2] };
    case 'qa':
      return {
        stack: [
          { text: [{ text: '问：', bold: true }, b.question] },
          { text: [{ text: '答：', bold: true }, b.answer] },
        ],
        margin: [0, 2, 0, 2],
      };
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: b.header.map(() => '*'),
          body: [b.header.map((text) => ({ text, bold: true, alignment: 'center' })), ...b.rows],
        },
        margin: [0, 4, 0, 4],
      };
  }
}

const LAST_BLOCK_ID = 'last-block';
const SEAL_ID = 'seal';

interface NodeInfo {
  id?: string;
  pageNumbers: number[];
}
interface NodeQueries {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
  getPreviousNodesOnPage(): NodeInfo[];
}

/**
 * The signatures and the seal (one unbreakable stack) never stand alone on a page: when they fall
 * onto a page the last body block does not reach, that block moves there with them, as a printed
 * 文书 keeps its last paragraph above the seal. Not when the block already heads its page or spans
 * more than two pages (moving it would not help). pdfmake lays the document out again after each
 * break it is told to insert.
 */
function keepLastBlockWithSeal(node: NodeInfo, nodes: NodeQueries): boolean {
  if (node.id !== LAST_BLOCK_ID || node.pageNumbers.length > 2) return false;
  const sameEndPage = node.pageNumbers.length === 1 ? nodes.getFollowingNodesOnPage() : nodes.getNodesOnNextPage();
  if (sameEndPage.some((n) => n.id === SEAL_ID)) return false;
  return nodes.getPreviousNodesOnPage().length > 0;
}

function definition(model: DocumentModel): Record<string, unknown> {
  const images: Record<string, string> = {};
  const closing: Content[] = [];
  if (model.officersLine) closing.push({ text: [{ text: '执法人员：', bold: true }, model.officersLine], margin: [0, 12, 0, 0] });
  const sig = model.partySignature;
  if (sig?.refusal) closing.push({ text: sig.refusal, bold: true, margin: [0, 12, 0, 0] });
  else if (sig) {
    const label: Content = { text: `${sig.signer}（签名）：`, bold: true, width: 'auto', margin: [0, sig.image ? 16 : 0, 6, 0] };
    let mark: Content = { text: '____________________', width: '*' };
    if (sig.image) {
      images.signature = `data:image/${sig.image.type === 'png' ? 'png' : 'jpeg'};base64,${sig.image.data.toString('base64')}`;
      mark = { image: 'signature', fit: [160, 48], width: 'auto' };
    }
    closing.push({ columns: [label, mark], columnGap: 0, margin: [0, 12, 0, 0] });
  }
  closing.push({
    stack: [
      { text: model.seal.agencyName, alignment: 'right', id: SEAL_ID },
      { text: model.seal.date, alignment: 'right' },
      { text: '（印章）', alignment: 'right', color: '#888888', fontSize: 9 },
    ],
    margin: [0, 28, 0, 0],
  });
  const body = model.blocks.map(blockContent);
  const last = body.pop();
  if (last && typeof last === 'object' && !Array.isArray(last)) last.id = LAST_BLOCK_ID;
  return {
    pageSize: 'A4',
    pageMargins: [mm(28), mm(30), mm(26), mm(25)],
    info: { title: `${model.title}${model.number ? ` ${model.number}` : ''}`, author: model.agencyName, creator: 'Sanxiang' },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.5 },
    images,
    content: [
      { text: model.agencyName, alignment: 'center', fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      { text: model.title, alignment: 'center', fontSize: 22, bold: true, characterSpacing: 2, margin: [0, 0, 0, 6] },
      ...(model.number ? [{ text: model.number, alignment: 'right', margin: [0, 0, 0, 4] }] : []),
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: mm(156), y2: 0, lineWidth: 1, lineColor: '#c00000' }], margin: [0, 0, 0, 8] },
      ...body,
      ...(last ? [last] : []),
      { stack: closing, unbreakable: true },
    ],
    pageBreakBefore: keepLastBlockWithSeal,
    footer: (page: number, pages: number) => ({ text: `第 ${page} 页 共 ${pages} 页`, alignment: 'center', fontSize: 9, margin: [0, 10, 0, 0] }),
  };
}

/** Draws a laid-out document as a PDF with the embedded (subset) Noto Serif SC font. */
export async function drawPdf(model: DocumentModel): Promise<Buffer> {
  const fonts = await loadCjkFonts();
  const files: Record<string, Buffer> = { 'cjk-regular.ttf': fonts.normal, 'cjk-bold.ttf': fonts.bold };
  const printer = new Printer(
    { [PDF_FONT_FAMILY]: { normal: 'cjk-regular.ttf', bold: 'cjk-bold.ttf', italics: 'cjk-regular.ttf', bolditalics: 'cjk-bold.ttf' } },
    { existsSync: (name) => Object.hasOwn(files, name), readFileSync: (name) => files[name]! },
    { resolve: async () => undefined, resolved: async () => undefined },
    () => false,
  );
  const doc = await printer.createPdfKitDocument(definition(model));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
