/**
 * A request's language as agents read it: its name in the console's language with the tag after
 * it ("Arabic (ar)", "阿拉伯语 (ar)"), since a bare tag like `hi-Latn` says little at a glance.
 */
export function languageName(tag: string, consoleLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([consoleLanguage], { type: 'language' }).of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? `${name} (${tag})` : tag;
  } catch {
    // A tag Intl cannot read is shown as it came.
    return tag;
  }
}
