/**
 * i18n: Vietnamese by default (bundled), English on demand (a separate chunk). The choice is kept in
 * localStorage and mirrored to <html lang>, the API's Accept-Language and the document title.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import { vi } from './vi/index.ts';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'motcua.lang';

function stored(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

async function ensure(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en/index.ts');
    i18n.addResourceBundle('en', 'translation', en, true, true);
  }
}

function mirror(lang: Lang): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export async function initI18n(): Promise<typeof i18n> {
  const lang = stored();
  await i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi } },
    lng: 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lang !== 'vi') await setLanguage(lang);
  else mirror('vi');
  return i18n;
}

export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for the page */
  }
  await ensure(lang);
  await i18n.changeLanguage(lang);
  mirror(lang);
}

export { i18n };
