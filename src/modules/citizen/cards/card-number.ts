// Citizen card numbers, with no I/O. A number is 14 digits: the town's 5-digit MAMH geographic code (so a
// counter in a partner town knows whose card it is), an 8-digit serial, then a Luhn check digit.
//
// Why Luhn rather than ISO 7064 mod 97: it is one digit (a short number to read over the phone or type at
// a counter), it catches every single-digit error and every swap of two adjacent digits except 09↔90,
// and it is what card readers and staff already know from payment cards. Mod 97 catches slightly more
// but costs two digits.

/** The Luhn check digit of a string of digits (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error('luhnCheckDigit: digits only');
  let sum = 0;
  // From the right, every second digit of the payload (starting with the rightmost) is doubled.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a full number (payload + check digit) passes the Luhn check. */
export function isLuhnValid(number: string): boolean {
  if (!/^\d{2,}$/.test(number)) return false;
  return luhnCheckDigit(number.slice(0, -1)) === Number(number.slice(-1));
}

/** The card number of a town's serial. */
export function cardNumber(geoCode: string, serial: number): string {
  if (!/^\d{5}$/.test(geoCode)) throw new Error('cardNumber: a municipality has a 5-digit geographic code');
  if (!Number.isSafeInteger(serial) || serial < 1 || serial > 99_999_999)
    throw new Error('cardNumber: serial');
  const payload = `${geoCode}${String(serial).padStart(8, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** A number as typed or scanned ("6102 5000 0001 23", with dashes…) reduced to its digits, or null. */
export function parseCardNumber(input: string): { number: string; geoCode: string } | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{14}$/.test(digits) || !isLuhnValid(digits)) return null;
  return { number: digits, geoCode: digits.slice(0, 5) };
}

/** A number grouped for reading: `61025 0000 0012 3`. */
export function formatCardNumber(number: string): string {
  return `${number.slice(0, 5)} ${number.slice(5, 9)} ${number.slice(9, 13)} ${number.slice(13)}`;
}
