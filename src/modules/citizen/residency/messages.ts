import { registerMessages } from '../../../platform/http/errors.ts';

registerMessages({
  'residency.address_not_found': {
    fr: 'Cette adresse ne figure pas au registre des adresses de la municipalité. Vérifiez-la, ou déposez une preuve de résidence.',
    en: 'This address is not in the town’s address register. Check it, or upload a proof of residency.',
  },
  'residency.postal_code_mismatch': {
    fr: 'Le code postal ne correspond pas à cette adresse au registre.',
    en: 'The postal code does not match this address in the register.',
  },
  'residency.postal_code_invalid': {
    fr: 'Code postal invalide (format A1A 1A1).',
    en: 'Invalid postal code (format A1A 1A1).',
  },
  'residency.already_current': {
    fr: 'Votre ménage a déjà une résidence active ou en attente de vérification dans cette municipalité.',
    en: 'Your household already has an active or pending residency in this town.',
  },
  'residency.proof_invalid': {
    fr: 'Ce fichier ne peut pas servir de preuve : déposez-le d’abord comme preuve de résidence.',
    en: 'This file cannot be used as proof: upload it as a proof of residency first.',
  },
  'residency.not_pending': {
    fr: 'Cette demande a déjà été traitée.',
    en: 'This request was already handled.',
  },
  'residency.none': {
    fr: 'Votre ménage n’a pas de résidence active dans cette municipalité.',
    en: 'Your household has no active residency in this town.',
  },
  'residency.renewal_needs_proof': {
    fr: 'Pour renouveler, prouvez de nouveau votre adresse (registre, document ou dossier du ménage).',
    en: 'To renew, prove your address again (register, document or household record).',
  },
  'residency.renewal_too_early': {
    fr: 'Le renouvellement est possible à partir du {from}.',
    en: 'Renewal is possible from {from}.',
  },
  'residency.claim_not_found': {
    fr: 'Aucun dossier ne correspond à ces renseignements. Vérifiez-les ou adressez-vous au comptoir des loisirs.',
    en: 'No record matches this information. Check it or ask at the recreation counter.',
  },
  'residency.claim_no_contact': {
    fr: 'Aucun courriel ni téléphone n’est inscrit à ce dossier : présentez-vous au comptoir avec une preuve d’adresse.',
    en: 'No e-mail or phone is on file for this record: come to the counter with a proof of address.',
  },
  'residency.claim_code_invalid': {
    fr: 'Code invalide ou expiré. Demandez un nouveau code.',
    en: 'Invalid or expired code. Ask for a new code.',
  },
  'residency.claim_too_many_codes': {
    fr: 'Trop de codes ont été envoyés. Réessayez dans 15 minutes.',
    en: 'Too many codes were sent. Try again in 15 minutes.',
  },
  'residency.claim_sign_in_first': {
    fr: 'Un compte existe déjà avec le courriel de ce dossier : connectez-vous (par code si vous n’avez pas de mot de passe), puis réclamez le dossier.',
    en: 'An account already exists with this record’s e-mail: sign in (with a code if you have no password), then claim the record.',
  },
  'residency.claim_needs_email': {
    fr: 'Ce dossier n’a pas de courriel : créez un compte ou connectez-vous, puis réclamez le dossier.',
    en: 'This record has no e-mail: create an account or sign in, then claim the record.',
  },
  'residency.claimed_already': {
    fr: 'Ce dossier a déjà été réclamé. Adressez-vous au comptoir des loisirs si ce n’était pas vous.',
    en: 'This record was already claimed. Ask at the recreation counter if it was not you.',
  },
  'residency.import_invalid': {
    fr: 'Le fichier contient des erreurs : rien n’a été importé. Corrigez les lignes indiquées et réessayez.',
    en: 'The file has errors: nothing was imported. Correct the lines shown and try again.',
  },
  'residency.import_line.columns': {
    fr: 'Ligne {line} : colonnes manquantes ({columns}).',
    en: 'Line {line}: missing columns ({columns}).',
  },
  'residency.import_line.postal_code': {
    fr: 'Ligne {line} : code postal invalide.',
    en: 'Line {line}: invalid postal code.',
  },
  'residency.import_line.birth_date': {
    fr: 'Ligne {line} : date de naissance invalide (AAAA-MM-JJ).',
    en: 'Line {line}: invalid birth date (YYYY-MM-DD).',
  },
  'residency.import_line.card_number': {
    fr: 'Ligne {line} : numéro de carte invalide.',
    en: 'Line {line}: invalid card number.',
  },
  'residency.import_line.required': {
    fr: 'Ligne {line} : la valeur « {column} » est obligatoire.',
    en: 'Line {line}: the value “{column}” is required.',
  },
  'card.not_resident': {
    fr: 'La carte citoyenne est réservée aux ménages dont la résidence est active dans la municipalité.',
    en: 'The citizen card is for households with an active residency in the town.',
  },
  'card.not_found': { fr: 'Carte introuvable.', en: 'Card not found.' },
  'card.number_invalid': {
    fr: 'Ce numéro de carte n’est pas valide (chiffre de contrôle). Vérifiez-le.',
    en: 'This card number is not valid (check digit). Check it.',
  },
  'card.revoked': { fr: 'Cette carte a été remplacée ou annulée.', en: 'This card was replaced or revoked.' },
});
