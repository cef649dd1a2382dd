import './staff.css';
import { useEffect, useState } from 'react';

/**
 * Progress of long work: a bar (role=progressbar with its value) and a polite live region that speaks at
 * each quarter and at the end, so a screen reader is told how far it is without being flooded.
 */
export function ProgressBar({
  label,
  percent,
  status,
}: {
  label: string;
  percent: number;
  /** The sentence said by the live region (e.g. "1 200 sur 10 000 destinataires"). */
  status: string;
}) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const step = value >= 100 ? 4 : Math.floor(value / 25);
  const [spoken, setSpoken] = useState(status);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the live text changes only when a new quarter is reached.
  useEffect(() => {
    setSpoken(status);
  }, [step]);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} % — ${status}`}
      >
        <div className="progress__fill" style={{ width: `${value}%` }} />
      </div>
      <p className="progress__text" aria-hidden="true">
        {value} % — {status}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}
