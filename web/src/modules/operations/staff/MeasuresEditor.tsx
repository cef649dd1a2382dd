import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';

/** One measure of the station as typed (numbers stay text until saved, so nothing typed is lost). */
export interface MeasureDraft {
  code: string;
  unit: string;
  validMin: string;
  validMax: string;
}

// The product's measure codes (the server fills their unit and valid range when left empty).
const KNOWN = [
  'free_chlorine',
  'turbidity',
  'ph',
  'flow',
  'volume',
  'temperature',
  'pressure',
  'level',
  'vehicle_count',
  'heavy_vehicle_count',
  'speed',
];

/** The measures a station reports: code, unit and valid range, added and removed in place. */
export function MeasuresEditor({
  measures,
  onChange,
  isNew,
}: {
  measures: MeasureDraft[];
  onChange: (measures: MeasureDraft[]) => void;
  isNew: boolean;
}) {
  const { t } = useTranslation('operations');
  const id = useId();
  const update = (index: number, patch: Partial<MeasureDraft>) =>
    onChange(measures.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <fieldset>
      <legend>{t('stationEdit.measures')}</legend>
      <p className="field__hint">
        {isNew ? t('stationEdit.measuresNewHint') : t('stationEdit.measuresHint')}
      </p>
      <datalist id={`${id}-codes`}>
        {KNOWN.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      {measures.map((m, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; order is stable
          <fieldset key={index} className="ops-measure">
            <legend>{t('stationEdit.measureN', { n, code: m.code || '…' })}</legend>
            <div className="ops-filters">
              <TextField
                id={`${id}-code-${index}`}
                label={t('stationEdit.measureCode')}
                hint={t('stationEdit.measureCodeHint')}
                list={`${id}-codes`}
                inputSize="code"
                value={m.code}
                required
                onChange={(e) => update(index, { code: e.target.value })}
              />
              <TextField
                id={`${id}-unit-${index}`}
                label={t('stationEdit.unit')}
                inputSize="short"
                value={m.unit}
                optional
                onChange={(e) => update(index, { unit: e.target.value })}
              />
              <TextField
                id={`${id}-min-${index}`}
                label={t('stationEdit.validMin')}
                inputMode="decimal"
                inputSize="short"
                value={m.validMin}
                optional
                onChange={(e) => update(index, { validMin: e.target.value })}
              />
              <TextField
                id={`${id}-max-${index}`}
                label={t('stationEdit.validMax')}
                inputMode="decimal"
                inputSize="short"
                value={m.validMax}
                optional
                onChange={(e) => update(index, { validMax: e.target.value })}
              />
            </div>
            <Button variant="secondary" onClick={() => onChange(measures.filter((_, i) => i !== index))}>
              {t('stationEdit.removeMeasure', { n })}
            </Button>
          </fieldset>
        );
      })}
      <div className="btn-row">
        <Button
          variant="secondary"
          onClick={() => onChange([...measures, { code: '', unit: '', validMin: '', validMax: '' }])}
        >
          {t('stationEdit.addMeasure')}
        </Button>
      </div>
    </fieldset>
  );
}
