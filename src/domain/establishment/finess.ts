/**
 * FINESS numbers (Fichier national des établissements sanitaires et sociaux).
 *
 * Nine characters; the first two are the department (97x and 98 overseas, 2A/2B in Corsica) and the ninth is a
 * check key. The key is a Luhn (mod 10) key over the nine digits: no text states it, but all 30 numbers of the ANS
 * sample file pass it (domain reference §5.1, [V-empirical]). For Corsican numbers (2A/2B) the way the letters enter
 * the key is not known, so the number is accepted with a warning instead of being refused ([INF]).
 */
export type FinessCheck =
  | { status: 'valid'; normalized: string }
  | { status: 'valid-key-unchecked'; normalized: string; warning: 'corsica-key-unchecked' }
  | { status: 'invalid'; error: FinessError };

export type FinessError = 'finess-empty' | 'finess-length' | 'finess-characters' | 'finess-key';

export function luhnValid(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return total % 10 === 0;
}

export function checkFiness(input: string): FinessCheck {
  const normalized = input.replace(/[\s\u00a0\u202f.-]/g, '').toUpperCase();
  if (normalized.length === 0) return { status: 'invalid', error: 'finess-empty' };
  if (normalized.length !== 9) return { status: 'invalid', error: 'finess-length' };
  if (/^2[AB]\d{7}$/.test(normalized)) {
    return { status: 'valid-key-unchecked', normalized, warning: 'corsica-key-unchecked' };
  }
  if (!/^\d{9}$/.test(normalized)) return { status: 'invalid', error: 'finess-characters' };
  if (!luhnValid(normalized)) return { status: 'invalid', error: 'finess-key' };
  return { status: 'valid', normalized };
}

/**
 * The department a FINESS number belongs to. Overseas numbers start with 97 and their fourth character names the
 * department (1 Guadeloupe … 5 Saint-Pierre-et-Miquelon); Mayotte's start with 98 (domain reference §5.1, [V]).
 */
export function finessDepartment(finess: string): string {
  if (finess.startsWith('97')) return `97${finess.charAt(3)}`;
  if (finess.startsWith('98')) return '976';
  return finess.slice(0, 2);
}
