// Finding people by what a user types: case and marks are ignored (й finds и, ї finds і,
// ё finds е, and a Turkish keyboard's İ and dotless ı find i), so a name typed in a hurry, or
// on a keyboard of the other alphabet's marks, still finds the person; every word typed must
// appear somewhere in what is searched.
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ё/g, "е").replace(/ı/g, "i");
}

export function matchesAll(typed: string, haystack: string[]): boolean {
  const terms = fold(typed).split(/\s+/).filter(Boolean);
  const text = fold(haystack.filter(Boolean).join(" "));
  return terms.every((term) => text.includes(term));
}
