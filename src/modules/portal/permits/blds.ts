// The Building and Land Development Specification (BLDS, permitdata.org) fields of an issued permit: the
// core dataset's required and recommended fields, and the optional ones Civique knows. Pure.
import type { BldsMapping } from './schema.ts';
import type { PermitStatus } from './state-machine.ts';

/** BLDS column names, in the order the CSV writes them. */
export const BLDS_COLUMNS = [
  'PermitNum',
  'Description',
  'AppliedDate',
  'IssuedDate',
  'CompletedDate',
  'StatusCurrent',
  'OriginalAddress1',
  'OriginalAddress2',
  'OriginalCity',
  'OriginalState',
  'OriginalZip',
  'Jurisdiction',
  'PermitClass',
  'PermitClassMapped',
  'StatusCurrentMapped',
  'WorkClass',
  'WorkClassMapped',
  'PermitType',
  'PermitTypeMapped',
  'PermitTypeDesc',
  'StatusDate',
  'EstProjectCost',
  'HousingUnits',
  'PIN',
  'Fee',
  'ExpiresDate',
  'Latitude',
  'Longitude',
  'Link',
] as const;
export type BldsRecord = Record<(typeof BLDS_COLUMNS)[number], string | number | null>;

/**
 * BLDS's standard status values. A permit that expired without its final inspection has no value of its
 * own in the list; it is mapped to "Permit Cancelled" and StatusCurrent keeps the raw `expired`.
 */
export function statusMapped(status: PermitStatus): string {
  switch (status) {
    case 'submitted':
    case 'awaiting_payment':
    case 'acknowledged':
      return 'Application Accepted';
    case 'info_requested':
    case 'under_review':
      return 'In Review';
    case 'issued':
      return 'Permit Issued';
    case 'inspection_scheduled':
    case 'final_inspection_scheduled':
      return 'Inspection Phase';
    case 'closed':
      return 'Permit Finaled';
    default:
      return 'Permit Cancelled';
  }
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** One permit as a BLDS record. */
export function toBlds(p: {
  permitNumber: string;
  description: string;
  submittedAt: Date | null;
  issuedAt: Date | null;
  closedAt: Date | null;
  expiresAt: Date | null;
  updatedAt: Date;
  status: PermitStatus;
  address: string | null;
  city: string;
  jurisdiction: string;
  typeCode: string;
  typeName: string;
  blds: BldsMapping;
  answers: Record<string, string | number | boolean>;
  matricule: string | null;
  feeCents: number;
  latitude: number | null;
  longitude: number | null;
  link: string;
}): BldsRecord {
  const cost = p.answers.workValue;
  const units = p.answers.dwellings;
  return {
    PermitNum: p.permitNumber,
    Description: p.description || p.typeName,
    AppliedDate: day(p.submittedAt),
    IssuedDate: day(p.issuedAt),
    CompletedDate: day(p.closedAt),
    StatusCurrent: p.status,
    OriginalAddress1: p.address,
    OriginalAddress2: null,
    OriginalCity: p.city,
    OriginalState: 'QC',
    OriginalZip: null,
    Jurisdiction: p.jurisdiction,
    PermitClass: p.blds.permitClassMapped === 'Residential' ? 'Résidentiel' : 'Non résidentiel',
    PermitClassMapped: p.blds.permitClassMapped,
    StatusCurrentMapped: statusMapped(p.status),
    WorkClass: p.blds.workClassMapped === 'New' ? 'Nouveau' : 'Existant',
    WorkClassMapped: p.blds.workClassMapped,
    PermitType: p.typeCode,
    PermitTypeMapped: p.blds.permitTypeMapped,
    PermitTypeDesc: p.typeName,
    StatusDate: day(p.updatedAt),
    EstProjectCost: typeof cost === 'number' ? cost : null,
    HousingUnits: typeof units === 'number' ? units : null,
    PIN: p.matricule,
    Fee: p.feeCents / 100,
    ExpiresDate: day(p.expiresAt),
    Latitude: p.latitude,
    Longitude: p.longitude,
    Link: p.link,
  };
}
