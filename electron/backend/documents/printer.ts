/**
 * Printing HTML documents to PDF and PNG is Chromium's job in every door: the Electron shell injects a
 * printer built on webContents.printToPDF / capturePage; the browser preview and the CLI use
 * playwright-core's Chromium (chromium-printer.ts). Handlers see only this interface.
 */
export interface PdfOptions {
  landscape: boolean;
  /** Paper: A4 unless the document sets its own size with CSS @page. */
  format?: 'A4';
  /** Print header/footer templates (Chromium's: classes pageNumber, totalPages, title, date). */
  headerTemplate?: string;
  footerTemplate?: string;
  /** Margins in millimetres. */
  marginMm?: { top: number; right: number; bottom: number; left: number };
}

export interface PngOptions {
  width: number;
  height: number;
  /** Device scale factor: 2 gives a sharp image for slides and print. */
  scale?: number;
}

export interface Printer {
  pdf(html: string, opts: PdfOptions): Promise<Uint8Array>;
  png(html: string, opts: PngOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}
