/**
 * Characters that change how text looks without being seen (decision 3, R58): control and format
 * characters (zero-width space and joiners, soft hyphen, byte-order mark), bidirectional controls (a
 * right-to-left override turns `gro.elgoog` into `google.org` on screen), line and paragraph separators,
 * and every other default-ignorable code point (variation selectors, Hangul fillers, tag characters). An
 * address or a name containing one could display exactly like another account's.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u;

export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}

export const INVISIBLE_CHARACTERS_MESSAGE = "Remove invisible or text-direction characters.";
