/**
 * The app's document printer: Chromium's own printing through a hidden, sandboxed window with
 * JavaScript off (documents are static HTML and SVG). The HTML goes through a temporary file, so
 * large documents need no data: URL.
 */
import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PdfOptions, PngOptions, Printer } from '../backend/documents/printer';

const MM_PER_INCH = 25.4;

async function withDocument<T>(html: string, size: { width: number; height: number }, zoom: number, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-print-'));
  const file = path.join(dir, 'document.html');
  fs.writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    width: Math.round(size.width * zoom),
    height: Math.round(size.height * zoom),
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, offscreen: true, zoomFactor: zoom },
  });
  try {
    await win.loadFile(file);
    return await use(win);
  } finally {
    win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function electronPrinter(): Printer {
  return {
    pdf: (html: string, opts: PdfOptions) =>
      withDocument(html, { width: 1123, height: 794 }, 1, async (win) => {
        const m = opts.marginMm;
        const buf = await win.webContents.printToPDF({
          landscape: opts.landscape,
          pageSize: opts.format ?? 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          generateDocumentOutline: true,
          generateTaggedPDF: true,
          ...(m ? { margins: { top: m.top / MM_PER_INCH, right: m.right / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH } } : {}),
          ...(opts.headerTemplate || opts.footerTemplate
            ? { displayHeaderFooter: true, headerTemplate: opts.headerTemplate ?? '<span></span>', footerTemplate: opts.footerTemplate ?? '<span></span>' }
            : {}),
        });
        return new Uint8Array(buf);
      }),
    png: (html: string, opts: PngOptions) =>
      withDocument(html, { width: opts.width, height: opts.height }, opts.scale ?? 2, async (win) => {
        const image = await win.webContents.capturePage();
        return new Uint8Array(image.toPNG());
      }),
    close: async () => {},
  };
}
