import { registerMessages } from '../http/errors.ts';

// The size limit is formatted per language by the caller (`10 Mo` / `10 MB`), hence two parameters.
registerMessages({
  'files.too_large': {
    fr: 'Le fichier dépasse la taille maximale permise de {maxFr}. Réduisez-le et réessayez.',
    en: 'The file is larger than the {maxEn} limit. Make it smaller and try again.',
  },
  'files.too_many': {
    fr: 'Un seul fichier peut être joint à la fois.',
    en: 'Only one file can be attached at a time.',
  },
  'files.missing': {
    fr: 'Aucun fichier reçu. Joignez un fichier et réessayez.',
    en: 'No file was received. Attach a file and try again.',
  },
  'files.malformed': {
    fr: 'Le formulaire envoyé est incomplet ou mal formé. Joignez le fichier de nouveau.',
    en: 'The form sent is incomplete or malformed. Attach the file again.',
  },
  'files.empty': { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  'files.not_multipart': {
    fr: 'Le fichier doit être envoyé dans un formulaire (multipart/form-data).',
    en: 'The file must be sent as a form (multipart/form-data).',
  },
  'files.purpose_missing': {
    fr: 'Indiquez le type de dépôt (champ « purpose ») avant le fichier dans le formulaire.',
    en: 'Give the kind of upload (the “purpose” field) before the file in the form.',
  },
  'files.purpose_unknown': {
    fr: 'Ce type de dépôt de fichier n’existe pas : « {purpose} ».',
    en: 'This kind of file upload does not exist: “{purpose}”.',
  },
  'files.type_not_allowed': {
    fr: 'Ce type de fichier n’est pas accepté ici. Formats acceptés : {allowed}.',
    en: 'This type of file is not accepted here. Accepted formats: {allowed}.',
  },
  'files.type_mismatch': {
    fr: 'Le contenu du fichier « {name} » ne correspond pas à son type ni à son extension. Enregistrez-le dans un format accepté et réessayez.',
    en: 'The content of the file “{name}” does not match its type or its extension. Save it in an accepted format and try again.',
  },
  'files.image_unreadable': {
    fr: 'Cette image est illisible ou endommagée.',
    en: 'This image cannot be read or is damaged.',
  },
  'files.infected': {
    fr: 'Ce fichier contient un logiciel malveillant ({signature}); il n’a pas été enregistré.',
    en: 'This file contains malware ({signature}); it was not stored.',
  },
  'files.scan_unavailable': {
    fr: 'L’analyse antivirus est momentanément indisponible; le fichier n’a pas été enregistré. Réessayez dans quelques minutes.',
    en: 'Virus scanning is temporarily unavailable; the file was not stored. Try again in a few minutes.',
  },
  'files.not_found': { fr: 'Fichier introuvable.', en: 'File not found.' },
  'files.link_invalid': {
    fr: 'Ce lien de téléchargement n’est pas valide.',
    en: 'This download link is not valid.',
  },
  'files.link_expired': {
    fr: 'Ce lien de téléchargement a expiré. Retournez à la page du fichier pour en obtenir un nouveau.',
    en: 'This download link has expired. Go back to the file’s page to get a new one.',
  },
});
