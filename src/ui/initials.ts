// Kept apart from avatar.tsx (a client module) so server code can call it too.

/**
 * Up to two initials for a name: "Ada Lovelace" → "AL", "ada" → "A",
 * "grace.hopper@example.com" → "GH". Letters, not code units, so "Ørjan Żak" → "ØŻ".
 */
export function initialsFromName(name: string): string {
  const local = name.includes('@') ? (name.split('@')[0] ?? '') : name;
  const words = local
    .split(/[\s._\-+]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter(Boolean);
  const first = words[0];
  if (!first) return '';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const initial = (word: string) => Array.from(word)[0] ?? '';
  return (initial(first) + (last ? initial(last) : '')).toLocaleUpperCase();
}
