import { createEvent } from 'ics';

const parts = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/** An iCalendar invitation (METHOD:REQUEST) for one appointment, in UTC. */
export function appointmentInvitation(a: {
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  location: string;
  organizer: { name: string };
  attendee: { name: string; email: string };
  url: string;
}): string {
  const { error, value } = createEvent({
    uid: `${a.slotId}@civique`,
    productId: 'civique/region',
    method: 'REQUEST',
    start: parts(a.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(a.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: a.title,
    description: a.description,
    location: a.location,
    url: a.url,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    organizer: { name: a.organizer.name },
    attendees: [
      {
        name: a.attendee.name,
        email: a.attendee.email,
        rsvp: false,
        partstat: 'ACCEPTED',
        role: 'REQ-PARTICIPANT',
      },
    ],
  });
  if (error || !value) throw error ?? new Error('ics: no value');
  return value;
}
