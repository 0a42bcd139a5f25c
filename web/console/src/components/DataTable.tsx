import type { ReactNode } from 'react';

/** A settings table: a scrolling box, a header row of column titles (a `false` column is left out) and the rows. */
export function DataTable({ testId, columns, children }: { testId: string; columns: readonly (ReactNode | false)[]; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, i) => column !== false && (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A column title read by screen readers only (an actions column). */
export function HiddenColumn({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
