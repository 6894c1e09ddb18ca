import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type ParagraphChild,
} from 'docx';
import type { Block, DocumentModel } from './layout.js';

/*
 * DOCX output with the `docx` package, for officers who print or edit in Word/WPS. Word documents
 * name fonts rather than embed them: 仿宋 for the body and 宋体 for titles are on every Chinese
 * Windows and WPS installation (GB/T 9704 uses 仿宋 三号 for official documents; enforcement forms
 * are commonly set smaller, 四号/小四, as here).
 */

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
/** Half-points: 四号 = 14 pt. */
const BODY_SIZE = 28;

const run = (text: string, options: { bold?: boolean; size?: number; font?: typeof BODY_FONT } = {}) => new TextRun({ text, ...options });

const paragraph = (children: ParagraphChild[], options: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ children, spacing: { before: 40, after: 40, line: 400 }, ...options });

/** `keep` (the last block): Word keeps these lines together and on the page of what follows. */
function blockParagraphs(b: Block, keep = false): (Paragraph | Table)[] {
  const extra = keep ? { keepNext: true, keepLines: true } : {};
  const para = (children: ParagraphChild[], options: Parameters<typeof paragraph>[1] = {}) => paragraph(children, { ...options, ...extra });
  switch (b.kind) {
    case 'heading':
      return [para([run(b.text, { bold: true })], { spacing: { before: 160, after: 40, line: 400 } })];
    case 'paragraph':
      return [para([run(b.text)], { indent: { firstLineChars: 200 } })];
    case 'line':
      return [para([run(b.text)])];
    case 'field':
      return [para([run(`${b.label}：`, { bold: true }), run(b.value)])];
    case 'list':
      return b.items.map((item, i) => para([run(`${i + 1}. ${item}`)], { indent: { left: convertMillimetersToTwip(7) } }));
    case 'qa':
      return [para([run('问：', { bold: true }), run(b.question)]), para([run('答：', { bold: true }), run(b.answer)])];
    case 'table': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      const borders = { top: border, bottom: border, left: border, right: border };
      const cell = (text: string, bold = false) =>
        new TableCell({ borders, children: [new Paragraph({ alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold })] })] });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }), ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
        }),
      ];
    }
  }
}

/**
 * The officers line, the party's signature and the seal: each line kept with the next, so Word
 * moves them to a new page together (and, with the last block's keepNext, that block too).
 */
function closing(model: DocumentModel): Paragraph[] {
  const para = (children: ParagraphChild[], options: Parameters<typeof paragraph>[1] = {}) => paragraph(children, { keepNext: true, keepLines: true, ...options });
  const out: Paragraph[] = [];
  if (model.officersLine) out.push(para([run('执法人员：', { bold: true }), run(model.officersLine)], { spacing: { before: 240, after: 40, line: 400 } }));
  const sig = model.partySignature;
  const spacing = { before: 240, after: 40, line: 400 };
  if (sig?.refusal) out.push(para([run(sig.refusal, { bold: true })], { spacing }));
  else if (sig) {
    const children: ParagraphChild[] = [run(`${sig.signer}（签名）：`, { bold: true })];
    if (sig.image) {
      // At most 160 × 48 px, keeping the aspect ratio.
      const scale = Math.min(160 / sig.image.width, 48 / sig.image.height, 1);
      const transformation = { width: Math.max(1, Math.round(sig.image.width * scale)), height: Math.max(1, Math.round(sig.image.height * scale)) };
      const name = `${sig.signer}签名`;
      children.push(new ImageRun({ type: sig.image.type, data: sig.image.data, transformation, altText: { name, description: name, title: name } }));
    } else {
      children.push(run('____________________'));
    }
    out.push(para(children, { spacing }));
  }
  out.push(
    para([run(model.seal.agencyName)], { alignment: AlignmentType.RIGHT, spacing: { before: 560, after: 0, line: 400 } }),
    para([run(model.seal.date)], { alignment: AlignmentType.RIGHT }),
    para([run('（印章）', { size: 18 })], { alignment: AlignmentType.RIGHT, keepNext: false }),
  );
  return out;
}

/** Draws a laid-out document as a .docx file. */
export async function drawDocx(model: DocumentModel): Promise<Buffer> {
  const doc = new Document({
    title: `${model.title}${model.number ? ` ${model.number}` : ''}`,
    creator: model.agencyName,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(30), bottom: convertMillimetersToTwip(25), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18 })],
              }),
            ],
          }),
        },
        children: [
          paragraph([run(model.agencyName, { bold: true, size: 36, font: TITLE_FONT })], { alignment: AlignmentType.CENTER }),
          paragraph([run(model.title, { bold: true, size: 44, font: TITLE_FONT })], { alignment: AlignmentType.CENTER, spacing: { before: 80, after: 120, line: 400 } }),
          ...(model.number ? [paragraph([run(model.number)], { alignment: AlignmentType.RIGHT })] : []),
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 1 } }, children: [] }),
          ...model.blocks.flatMap((b, i) => blockParagraphs(b, i === model.blocks.length - 1)),
          ...closing(model),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
