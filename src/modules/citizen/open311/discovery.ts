// The GeoReport v2 service discovery document: where the endpoint is, which formats it speaks, how to get
// a key. Pure: built from the installation's public address.

/** When this endpoint's interface last changed (clients compare it to know they are up to date). */
export const API_CHANGESET = '2026-05-01T00:00:00Z';

/** The discovery document of this installation's endpoint. */
export function discoveryDocument(publicUrl: string) {
  return {
    changeset: API_CHANGESET,
    contact:
      'Civique — communiquez avec votre municipalité / contact your municipality. jurisdiction_id = identifiant de la municipalité / municipality slug.',
    key_service:
      'Les clés d’API sont créées par les administrateurs de chaque municipalité dans Civique / API keys are created by each municipality’s administrators in Civique.',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${publicUrl}/open311/v2`,
        changeset: API_CHANGESET,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

/** The XML form of the document: lists wrapped as <endpoints><endpoint>, <formats><format>. */
export function discoveryXml(document: ReturnType<typeof discoveryDocument>) {
  return {
    ...document,
    endpoints: { endpoint: document.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
  };
}
