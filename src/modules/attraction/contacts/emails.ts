import { defineEmailTemplate } from '../../../platform/notify/templates.ts';

const fr = (l: string) => l === 'fr';

/** A visitor's message, delivered to the resource person (the visitor never learns the address). */
export const CONTACT_MESSAGE = defineEmailTemplate<{
  contact: string;
  senderName: string;
  senderEmail: string;
  message: string;
  region: string;
}>('region.contact_message', {
  subject: (p, l) =>
    fr(l)
      ? `Message de ${p.senderName} (site ${p.region})`
      : `Message from ${p.senderName} (${p.region} site)`,
  text: (p, l) =>
    fr(l)
      ? `Bonjour ${p.contact},\n\n${p.senderName} vous écrit par le site régional. Répondez-lui à ${p.senderEmail}.\n\n---\n${p.message}\n---`
      : `Hello ${p.contact},\n\n${p.senderName} wrote to you through the regional site. Reply to ${p.senderEmail}.\n\n---\n${p.message}\n---`,
});

/** The visitor's receipt: the message went through, without naming where. */
export const CONTACT_RECEIPT = defineEmailTemplate<{ contact: string; role: string; message: string }>(
  'region.contact_receipt',
  {
    subject: (_p, l) => (fr(l) ? 'Votre message a été transmis' : 'Your message was sent'),
    text: (p, l) =>
      fr(l)
        ? `Votre message a été transmis à ${p.contact} (${p.role}), qui vous répondra à cette adresse.\n\nVotre message :\n${p.message}`
        : `Your message was sent to ${p.contact} (${p.role}), who will reply to this address.\n\nYour message:\n${p.message}`,
  },
);

/** Appointment confirmation with the calendar invitation link (to the visitor or the contact). */
export const APPOINTMENT_BOOKED = defineEmailTemplate<{
  to: 'visitor' | 'contact';
  contact: string;
  visitor: string;
  visitorEmail: string;
  when: string;
  mode: string;
  note: string;
  calendarUrl: string;
}>('region.appointment_booked', {
  subject: (p, l) =>
    p.to === 'visitor'
      ? fr(l)
        ? `Rendez-vous confirmé avec ${p.contact} — ${p.when}`
        : `Appointment confirmed with ${p.contact} — ${p.when}`
      : fr(l)
        ? `Nouveau rendez-vous : ${p.visitor} — ${p.when}`
        : `New appointment: ${p.visitor} — ${p.when}`,
  text: (p, l) => {
    const lines =
      p.to === 'visitor'
        ? fr(l)
          ? [`Votre rendez-vous avec ${p.contact} est confirmé.`, `Quand : ${p.when}`, `Comment : ${p.mode}`]
          : [`Your appointment with ${p.contact} is confirmed.`, `When: ${p.when}`, `How: ${p.mode}`]
        : fr(l)
          ? [
              `${p.visitor} (${p.visitorEmail}) a réservé un rendez-vous.`,
              `Quand : ${p.when}`,
              `Comment : ${p.mode}`,
              p.note ? `Note : ${p.note}` : '',
            ]
          : [
              `${p.visitor} (${p.visitorEmail}) booked an appointment.`,
              `When: ${p.when}`,
              `How: ${p.mode}`,
              p.note ? `Note: ${p.note}` : '',
            ];
    lines.push(
      '',
      fr(l)
        ? `Ajouter à votre agenda (invitation iCalendar) : ${p.calendarUrl}`
        : `Add to your calendar (iCalendar invitation): ${p.calendarUrl}`,
    );
    return lines.filter((x, i) => x !== '' || i > 2).join('\n');
  },
});
