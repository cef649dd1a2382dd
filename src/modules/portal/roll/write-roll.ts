// Writes rolls in the MAMH XML format (UTF-8 with a byte-order mark): the demonstration roll, the benchmark's
// and the tests' files go through the same reader as the ministry's.
import type { RollAddress, RollUnit } from './mamh-format.ts';

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function field(name: string, value: string | number | null | undefined, indent: string): string {
  if (value === null || value === undefined || value === '') return '';
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

function addressBlock(a: RollAddress): string {
  const i = '        ';
  return (
    '      <RL0101x>\n' +
    field('RL0101Ax', a.civicFrom, i) +
    field('RL0101Bx', a.civicFromSuffix, i) +
    field('RL0101Cx', a.civicTo, i) +
    field('RL0101Dx', a.civicToSuffix, i) +
    field('RL0101Ex', a.streetType, i) +
    field('RL0101Fx', a.linkingWord, i) +
    field('RL0101Gx', a.streetName, i) +
    field('RL0101Hx', a.cardinal, i) +
    field('RL0101Ix', a.apartment, i) +
    field('RL0101Jx', a.apartmentSuffix, i) +
    '      </RL0101x>\n'
  );
}

/** The XML of one `<RLUEx>` unit (without a line number: the reader assigns it). */
export function unitXml(unit: Omit<RollUnit, 'line'>): string {
  const i = '    ';
  const m = unit.matricule;
  const owners = unit.owners.length
    ? `    <RL0201>\n${unit.owners
        .map(
          (o) =>
            `      <RL0201x>\n${Object.entries(o)
              .map(([k, v]) => field(k, v, '        '))
              .join('')}      </RL0201x>\n`,
        )
        .join('')}    </RL0201>\n`
    : '';
  return (
    '  <RLUEx>\n' +
    (unit.addresses.length
      ? `    <RL0101>\n${unit.addresses.map(addressBlock).join('')}    </RL0101>\n`
      : '') +
    (unit.lots.length
      ? `    <RL0103>\n${unit.lots.map((l) => `      <RL0103x>\n${field('RL0103Ax', l, '        ')}      </RL0103x>\n`).join('')}    </RL0103>\n`
      : '') +
    field('RL0104A', m.division, i) +
    field('RL0104B', m.section, i) +
    field('RL0104C', m.emplacement, i) +
    field('RL0104D', m.check, i) +
    field('RL0104E', m.building, i) +
    field('RL0104F', m.local, i) +
    field('RL0105A', unit.cubf, i) +
    field('RL0107A', unit.neighbourhood, i) +
    owners +
    field('RL0301A', unit.frontage, i) +
    field('RL0302A', unit.area, i) +
    field('RL0306A', unit.storeys, i) +
    field('RL0307A', unit.yearBuilt, i) +
    field('RL0307B', unit.yearBuiltKind, i) +
    field('RL0308A', unit.floorArea, i) +
    field('RL0311A', unit.dwellings, i) +
    field('RL0401A', unit.referenceDate, i) +
    field('RL0402A', unit.landValue, i) +
    field('RL0403A', unit.buildingValue, i) +
    field('RL0404A', unit.totalValue, i) +
    field('RL0405A', unit.previousValue, i) +
    '  </RLUEx>\n'
  );
}

/** The start of a roll file: byte-order mark, declaration, version, municipality code and roll year. */
export function rollHeaderXml(header: { municipality: string; year: number; version?: string }): string {
  return (
    '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<RL>\n' +
    `  <VERSION>${escapeXml(header.version ?? '2.0')}</VERSION>\n` +
    `  <RLM01A>${escapeXml(header.municipality)}</RLM01A>\n` +
    `  <RLM02A>${header.year}</RLM02A>\n`
  );
}

/** The end of a roll file. */
export const ROLL_FOOTER_XML = '</RL>\n';

/** A whole roll file in memory (tests and small files). */
export function rollXml(
  header: { municipality: string; year: number; version?: string },
  units: Array<Omit<RollUnit, 'line'>>,
): string {
  return rollHeaderXml(header) + units.map(unitXml).join('') + ROLL_FOOTER_XML;
}
