import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from './categories.ts';
import { chooseChannels } from './channel-choice.ts';
import { fitSms, MAX_SMS_SEGMENTS, smsSegments } from './sms-text.ts';
import { isValidTwilioSignature, twilioSignature } from './twilio-signature.ts';
import { addressHash, signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.ts';

const all = { email: true, sms: true, push: true, inapp: true };
const none = { email: false, sms: false, push: false, inapp: false };

describe('text-message segments', () => {
  it('counts GSM-7 and UCS-2 segments like the carriers', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
    // The euro sign is an escape in GSM-7: two septets.
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    // é is GSM-7, ê is not.
    expect(smsSegments('été').encoding).toBe('gsm7');
    expect(smsSegments('fête').encoding).toBe('ucs2');
    expect(smsSegments('ê'.repeat(70)).segments).toBe(1);
    expect(smsSegments('ê'.repeat(71)).segments).toBe(2);
    expect(smsSegments('ê'.repeat(135)).segments).toBe(3);
  });

  it('keeps a short French message as written and fits a long one in two segments, link intact', () => {
    expect(fitSms('Votre fête commence à 18 h.')).toBe('Votre fête commence à 18 h.');
    const link =
      '\nDésabonnement : https://civique.example.ca/api/notify/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const long =
      'Ville de Joliette : l’inscription au camp de jour « Les Débrouillards » de votre enfant est confirmée; la fête de clôture aura lieu vendredi à la plage municipale, apportez crème solaire et chapeau.';
    const text = fitSms(long, link);
    expect(smsSegments(text).segments).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
    expect(text.endsWith(link)).toBe(true);
    expect(text.startsWith('Ville de Joliette : ')).toBe(true);
  });

  it('never goes over two segments, whatever the text, and keeps the link whole', () => {
    const link =
      '\nUnsubscribe: https://civique.example.ca/api/notify/unsubscribe/AQABohcm1Ll0l6bNHWrlkMy5BAGlzD5grBnQVb-9ZB8';
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (body) => {
        const text = fitSms(body, link);
        expect(smsSegments(text).segments).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
        expect(text.endsWith(link)).toBe(true);
      }),
    );
  });
});

describe('choosing channels', () => {
  it('sends on the chosen channels that can reach the person, and nothing for an opted-out category', () => {
    expect(chooseChannels('recreation', DEFAULT_PREFERENCES.recreation, all)).toEqual(['email']);
    expect(chooseChannels('newsletters', DEFAULT_PREFERENCES.newsletters, all)).toEqual([]);
    expect(chooseChannels('transit', { ...none, sms: true, push: true }, { ...all, push: false })).toEqual([
      'sms',
    ]);
    expect(chooseChannels('transit', { ...none, sms: true }, { ...all, sms: false })).toEqual([]);
  });

  it('still reaches the person with an emergency alert when their chosen channel cannot', () => {
    expect(chooseChannels('emergency', { ...none, sms: true }, { ...all, sms: false })).toEqual([
      'email',
      'inapp',
    ]);
    expect(chooseChannels('emergency', { ...none, sms: true }, all)).toEqual(['sms']);
  });
});

describe('Twilio request signature', () => {
  // The worked example of Twilio's documentation (and of its own SDKs' tests).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  };
  it('reproduces the documented signature and rejects any change', () => {
    expect(twilioSignature('12345', url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(isValidTwilioSignature('12345', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(true);
    expect(
      isValidTwilioSignature('12345', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, { ...params, Digits: '9' }),
    ).toBe(false);
    expect(isValidTwilioSignature('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(false);
    expect(isValidTwilioSignature('12345', undefined, url, params)).toBe(false);
  });
});

describe('unsubscribe tokens', () => {
  const secret = randomBytes(32);
  const accountId = '01900000-0000-7000-8000-000000000001';

  it('name one person, one category and one channel, and survive no alteration', () => {
    const token = signUnsubscribeToken(secret, {
      subject: { kind: 'account', accountId },
      category: 'recreation',
      channel: 'sms',
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(secret, token)).toEqual({
      subject: { kind: 'account', accountId },
      category: 'recreation',
      channel: 'sms',
    });
    const raw = Buffer.from(token, 'base64url');
    for (const at of [2, 18, 19, 25]) {
      const altered = Buffer.from(raw);
      altered[at] = (altered[at] ?? 0) ^ 1;
      expect(() => verifyUnsubscribeToken(secret, altered.toString('base64url'))).toThrow(
        'notify.unsubscribe_invalid',
      );
    }
    expect(() => verifyUnsubscribeToken(randomBytes(32), token)).toThrow('notify.unsubscribe_invalid');
  });

  it('are never made for emergency alerts or account messages', () => {
    expect(() =>
      signUnsubscribeToken(secret, {
        subject: { kind: 'account', accountId },
        category: 'emergency',
        channel: 'email',
      }),
    ).toThrow();
    expect(() =>
      signUnsubscribeToken(secret, {
        subject: { kind: 'address', addressHash: addressHash('a@example.test') },
        category: 'account',
        channel: 'email',
      }),
    ).toThrow();
  });
});
