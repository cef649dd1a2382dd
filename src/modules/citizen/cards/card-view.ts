import { formatCardNumber } from './card-number.ts';
import type { CardRow } from './schema.ts';

/** A card as its holder's household sees it. */
export interface CardView {
  id: string;
  orgId: string;
  town: { slug: string; name: { fr: string; en: string } };
  personId: string;
  holder: string;
  number: string;
  display: string;
  issuedOn: string;
  validUntil: string;
  status: CardRow['status'];
}

/** Shapes a card with its holder and town. */
export function cardView(
  card: CardRow,
  holder: { givenName: string; familyName: string },
  town: { slug: string; nameFr: string; nameEn: string },
): CardView {
  return {
    id: card.id,
    orgId: card.orgId,
    town: { slug: town.slug, name: { fr: town.nameFr, en: town.nameEn } },
    personId: card.personId,
    holder: `${holder.givenName} ${holder.familyName}`,
    number: card.number,
    display: formatCardNumber(card.number),
    issuedOn: card.issuedOn,
    validUntil: card.validUntil,
    status: card.status,
  };
}
