/**
 * Plan section text: HTML from the editor (often pasted from Word or a web page) is sanitised on the
 * way in with sanitize-html. Kept: paragraphs, h2-h4, bold/italic/underline/strike, lists, quotes,
 * line breaks, links to http(s) and mailto, and tables (with colspan/rowspan). Dropped: everything
 * else - scripts and styles with their content, Word's conditional comments, <xml> and <o:p> junk,
 * classes, inline styles, on* handlers, images (data URLs included) - keeping the text of unknown
 * wrappers such as <span> and <font>.
 */
import sanitizeHtml from 'sanitize-html';
import { AppError } from '../../../shared/api/errors';
import { stripForbidden } from '../../../shared/api/text';

/** The longest a section's sanitised HTML may be, in characters. */
export const MAX_SECTION_HTML = 200_000;

const SPAN = /^[1-9]\d?$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'br', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Content of these goes with the tag (Word's <xml> blocks, <style>, <script>, ...).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'xml', 'head', 'template', 'svg', 'math', 'iframe', 'object'],
  transformTags: {
    td: cellSpans,
    th: cellSpans,
  },
};

function cellSpans(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const k of ['colspan', 'rowspan'] as const) {
    const v = attribs[k]?.trim();
    if (v && SPAN.test(v)) kept[k] = v;
  }
  return { tagName, attribs: kept };
}

/**
 * The sanitised HTML (trimmed); "" for text with nothing left. Control characters and bidi
 * overrides (shared/api/text.ts) are dropped: they would reverse or hide text in the editor and PDF.
 */
export function sanitizeSectionHtml(html: string): string {
  // After sanitising: entities such as &#x202E; are decoded by then.
  const clean = stripForbidden(sanitizeHtml(html, OPTIONS)).trim();
  // Only empty wrappers left (e.g. <p></p> from a cleared editor): nothing.
  return clean.replace(/<(p|br)\s*\/?>(<\/p>)?/g, '').trim() === '' ? '' : clean;
}

/** Sanitises, and refuses text longer than a section may be. */
export function cleanSection(section: string, html: string): string {
  const clean = sanitizeSectionHtml(html);
  if (clean.length > MAX_SECTION_HTML) {
    throw new AppError('plan-text-too-long', `The ${section} section is ${clean.length} characters long; at most ${MAX_SECTION_HTML}.`, {
      section,
      length: clean.length,
      max: MAX_SECTION_HTML,
    });
  }
  return clean;
}
