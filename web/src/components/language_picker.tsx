import { languageNames, languages, t, type Language } from "../i18n/i18n";

export function LanguagePicker(props: { language: Language; onLanguage: (l: Language) => void }) {
  return (
    <label class="language">
      <span class="visually-hidden">{t("nav.language")}</span>
      <select
        value={props.language}
        onChange={(e) => props.onLanguage((e.target as HTMLSelectElement).value as Language)}
      >
        {languages.map((code) => (
          <option value={code} lang={code}>
            {languageNames[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
