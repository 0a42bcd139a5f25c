/** A language code ('ar', 'en-GB') as its name in the UI language; the code itself when the browser cannot name it. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
