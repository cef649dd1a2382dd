import { registerMessages } from '../../../platform/http/errors.ts';

// Bilingual messages of permits and work declarations.
registerMessages({
  'permit.not_found': { fr: 'Demande introuvable.', en: 'Application not found.' },
  'permit.type_not_found': { fr: 'Type de permis introuvable.', en: 'Permit type not found.' },
  'permit.action_not_allowed': {
    fr: 'Cette action n’est pas possible à l’étape actuelle du dossier.',
    en: 'This action is not possible at the file’s current step.',
  },
  'permit.not_draft': {
    fr: 'Cette demande a déjà été soumise et ne peut plus être modifiée.',
    en: 'This application was already submitted and can no longer be changed.',
  },
  'permit.not_editable': {
    fr: 'Des documents ne peuvent être ajoutés qu’à un brouillon ou en réponse à une demande de renseignements.',
    en: 'Documents can only be added to a draft or in answer to a request for information.',
  },
  'permit.property_required': {
    fr: 'Choisissez la propriété visée au rôle d’évaluation.',
    en: 'Choose the property from the assessment roll.',
  },
  'permit.property_not_found': {
    fr: 'Cette propriété n’est pas au rôle d’évaluation en vigueur.',
    en: 'This property is not on the current assessment roll.',
  },
  'permit.answers_invalid': {
    fr: 'Certains renseignements du formulaire manquent ou sont invalides.',
    en: 'Some information on the form is missing or invalid.',
  },
  'permit.documents_missing': {
    fr: 'Des documents requis manquent à la demande.',
    en: 'Required documents are missing from the application.',
  },
  'permit.document_unknown': {
    fr: 'Ce type de permis ne demande pas ce document ({key}).',
    en: 'This permit type does not ask for this document ({key}).',
  },
  'permit.file_not_found': {
    fr: 'Fichier introuvable : déposez-le d’abord avec l’objet « portal.permit-document ».',
    en: 'File not found: upload it first with the purpose “portal.permit-document”.',
  },
  'permit.message_required': { fr: 'Écrivez un message.', en: 'Write a message.' },
  'permit.reason_required': { fr: 'Indiquez les motifs du refus.', en: 'Give the reasons for the refusal.' },
  'permit.date_required': { fr: 'Indiquez la date et l’heure.', en: 'Give the date and time.' },
  'permit.not_issued': {
    fr: 'Le permis n’est pas encore délivré.',
    en: 'The permit has not been issued yet.',
  },
  'permit.verification_unknown': {
    fr: 'Aucun permis ne correspond à ce code : il n’est pas authentique.',
    en: 'No permit matches this code: it is not genuine.',
  },
  'permit.fee_rule_invalid': { fr: 'Règle de tarification invalide.', en: 'Invalid fee rule.' },
  'permit.fields_invalid': { fr: 'Champs du formulaire invalides.', en: 'Invalid form fields.' },
  'permit.type_key_duplicate': {
    fr: 'Le code « {key} » est déjà utilisé par un autre élément de ce type.',
    en: 'The key “{key}” is already used by another item of this type.',
  },
  'permit.type_options_required': {
    fr: 'La liste « {key} » doit offrir au moins un choix.',
    en: 'The list “{key}” must offer at least one choice.',
  },
  'permit.type_range_invalid': {
    fr: 'Le maximum de « {key} » est plus petit que son minimum.',
    en: 'The maximum of “{key}” is smaller than its minimum.',
  },
  'permit.type_condition_unknown': {
    fr: 'La condition de « {key} » dépend de « {field} », qui n’est pas un champ posé avant lui.',
    en: 'The condition of “{key}” depends on “{field}”, which is not a field asked before it.',
  },
  'permit.type_fee_field_invalid': {
    fr: 'Le tarif se calcule sur « {field} », qui doit être un champ numérique du formulaire (nombre, montant ou superficie).',
    en: 'The fee is computed from “{field}”, which must be a numeric field of the form (number, amount or area).',
  },
  'permit.field_required': { fr: 'Ce renseignement est obligatoire.', en: 'This information is required.' },
  'permit.field_invalid': { fr: 'Valeur invalide.', en: 'Invalid value.' },
  'permit.field_range': { fr: 'Valeur hors des limites permises.', en: 'Value outside the allowed range.' },
  'permit.field_option': { fr: 'Choix invalide.', en: 'Invalid choice.' },
});
