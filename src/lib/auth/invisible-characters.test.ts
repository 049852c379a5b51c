import { describe, expect, it } from "vitest";
import { hasInvisibleCharacters } from "./invisible-characters";

describe("hasInvisibleCharacters", () => {
  it.each([
    ["zero-width space", "\u200B"],
    ["zero-width non-joiner", "\u200C"],
    ["zero-width joiner", "\u200D"],
    ["soft hyphen", "\u00AD"],
    ["left-to-right mark", "\u200E"],
    ["right-to-left mark", "\u200F"],
    ["Arabic letter mark", "\u061C"],
    ["right-to-left override", "\u202E"],
    ["left-to-right embedding", "\u202A"],
    ["first strong isolate", "\u2068"],
    ["pop directional isolate", "\u2069"],
    ["word joiner", "\u2060"],
    ["byte-order mark", "\uFEFF"],
    ["combining grapheme joiner", "\u034F"],
    ["variation selector 16", "\uFE0F"],
    ["Hangul filler", "\u3164"],
    ["Mongolian vowel separator", "\u180E"],
    ["a tag character", "\u{E0041}"],
    ["line separator", "\u2028"],
    ["a control character", "\u0007"],
  ])("finds a %s", (_label, character) => {
    expect(hasInvisibleCharacters(`uni${character}corn`)).toBe(true);
  });

  it.each(["Ada Lovelace", "José Ñúñez", "Zoë O'Brien-Smith", "山田 太郎", "محمد", "Ελένη", "ada+tag@bücher.example"])(
    "lets %s through",
    (text) => {
      expect(hasInvisibleCharacters(text)).toBe(false);
    },
  );
});
