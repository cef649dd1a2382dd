import type { Locale } from '../../../platform/http/locale.ts';
import type { CategoryView } from '../requests/list-categories.ts';
import type { PublicRequest } from '../requests/public-requests.ts';
import { open311Status, type Phase } from '../requests/statuses.ts';

// The GeoReport v2 shapes of categories and requests. What a request shows is what the public map shows:
// no reporter, no description or photos (Law 25), approximate positions and no address for sensitive
// categories; `status_notes` is the latest public update written by staff.

/** A category as a GeoReport service. */
export function serviceView(category: CategoryView, locale: Locale) {
  return {
    service_code: category.code,
    service_name: category.name[locale],
    description: category.description[locale] || null,
    metadata: category.fields.length > 0,
    type: 'realtime' as const,
    keywords: category.keywords,
    group: category.group ? category.group[locale] || null : null,
  };
}

/** A category's own fields as a GeoReport service definition. */
export function serviceDefinitionView(category: CategoryView, locale: Locale) {
  return {
    service_code: category.code,
    attributes: category.fields.map((field, i) => {
      const isList = field.datatype === 'singlevaluelist' || field.datatype === 'multivaluelist';
      return {
        variable: true,
        code: field.code,
        datatype: field.datatype,
        required: field.required,
        datatype_description: (locale === 'fr' ? field.descriptionFr : field.descriptionEn) || null,
        order: i + 1,
        description: locale === 'fr' ? field.labelFr : field.labelEn,
        ...(isList
          ? {
              values: (field.values ?? []).map((v) => ({
                key: v.key,
                name: locale === 'fr' ? v.nameFr : v.nameEn,
              })),
            }
          : {}),
      };
    }),
  };
}

/** The XML form of a service definition: nested lists wrapped as <attributes><attribute>… */
export function serviceDefinitionXml(definition: ReturnType<typeof serviceDefinitionView>) {
  return {
    service_code: definition.service_code,
    attributes: {
      attribute: definition.attributes.map((a) => ({
        ...a,
        ...('values' in a ? { values: { value: a.values } } : {}),
      })),
    },
  };
}

/** A public request as a GeoReport service request. */
export function serviceRequestView(
  request: PublicRequest,
  options: { locale: Locale; agency: string | null; statusLabel: string },
) {
  const status = open311Status(request.phase as Phase);
  return {
    service_request_id: request.reference,
    status,
    status_notes: request.publicNote ?? options.statusLabel,
    service_name: request.category[options.locale],
    service_code: request.categoryCode,
    description: null,
    agency_responsible: options.agency,
    service_notice: null,
    requested_datetime: request.createdAt.toISOString(),
    updated_datetime: request.updatedAt.toISOString(),
    expected_datetime: status === 'open' ? (request.expectedAt?.toISOString() ?? null) : null,
    address: request.address,
    address_id: null,
    zipcode: null,
    lat: request.lat,
    long: request.lon,
    media_url: null,
  };
}
