import { XMLBuilder } from 'fast-xml-parser';
import { AppError } from '../../../platform/http/errors.ts';

// GeoReport v2 answers every endpoint in JSON and XML. XML wraps lists in a root element with one child
// per item (<services><service>…), as the specification's examples do; text is UTF-8 and escaped.

/** The two formats of the standard. */
export type Format = 'json' | 'xml';

/** The format named by an endpoint's extension, or a 400 in the standard's error shape. */
export function parseFormat(raw: string | undefined): Format {
  if (raw === 'json' || raw === 'xml') return raw;
  throw new AppError('open311.format_unknown', 400);
}

/** The format an error is answered in: the one the address asked for, XML (the required one) otherwise. */
export function formatOfUrl(url: string): Format {
  return /\.json(\?|$)/.test(url) ? 'json' : 'xml';
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** A rendered answer: its body and content type. */
export interface Rendered {
  body: string;
  contentType: string;
}

/** How a JSON value becomes XML: the root element and, for a list, the element of each item. */
export interface XmlShape {
  root: string;
  item?: string;
}

/**
 * Renders a value in a format. A list becomes a JSON array, or in XML the root element holding one item
 * element per entry; nested lists (attributes, values, formats) are shaped by the caller beforehand.
 */
export function render(format: Format, value: unknown, shape: XmlShape): Rendered {
  if (format === 'json')
    return { body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
  const content = shape.item ? { [shape.item]: value } : value;
  return {
    body: DECLARATION + builder.build({ [shape.root]: content }),
    contentType: 'text/xml; charset=utf-8',
  };
}

/** One error as the standard writes it. */
export interface Open311Error {
  code: number;
  description: string;
}

/** The standard's error answer: a list of { code, description } (XML: <errors><error>…). */
export function renderErrors(format: Format, errors: Open311Error[]): Rendered {
  return render(format, errors, { root: 'errors', item: 'error' });
}
