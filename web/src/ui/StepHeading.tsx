import { type ReactNode, useEffect, useRef } from 'react';

/** The heading of a step inside a page; it takes focus when the step appears so the change is announced. */
export function StepHeading({ id, children }: { id?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} id={id} tabIndex={-1}>
      {children}
    </h2>
  );
}
