// One copy of each name and key string, the one V8 keeps in its string table: two such strings
// are equal exactly when they are the same object, so comparing them (a variable's name while
// its binding is looked up, a key in an object's entry list) is one pointer comparison instead
// of a comparison of their characters.

/** `s` as V8's internalized copy (a property name is always internalized). */
export function intern(s: string): string {
  const holder: Record<string, true> = {};
  holder[s] = true;
  for (const key in holder) return key;
  return s;
}
