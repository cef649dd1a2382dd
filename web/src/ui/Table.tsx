import { type ReactNode, useId } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The row's header cell (th scope=row), for screen readers. */
  rowHeader?: boolean;
  /** Keep the cell on one line (dates, amounts). */
  nowrap?: boolean;
}

/**
 * A data table with a caption; it scrolls inside its own focusable region on narrow screens so the page
 * itself never scrolls sideways.
 */
export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  captionHidden = false,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  captionHidden?: boolean;
}) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-wrap" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={column.nowrap ? 'nowrap' : undefined}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.nowrap ? 'nowrap' : undefined}>
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
