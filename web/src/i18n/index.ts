// Message catalogues (one JSON file per language) and a tiny formatter: t('key', { n: 3 }).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import ar from './ar.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export type Lang = 'ar' | 'en';
export const LANGS: Record<Lang, { dir: 'rtl' | 'ltr'; messages: Record<string, string> }> = {
  ar: { dir: 'rtl', messages: ar },
  en: { dir: 'ltr', messages: en },
};

export type T = (key: string, vars?: Record<string, string | number>) => string;

export function makeT(lang: Lang): T {
  const messages = LANGS[lang].messages;
  const fallback = LANGS.en.messages;
  return (key, vars) => {
    const template = messages[key] ?? fallback[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
  };
}

/** A label for a field or type that may be missing from the catalogue: fall back to the raw name. */
export function labelOr(t: T, key: string, raw: string): string {
  const s = t(key);
  return s === key ? raw : s;
}

export const I18n = createContext<{ lang: Lang; t: T }>({ lang: 'ar', t: makeT('ar') });
export const useI18n = () => useContext(I18n);
