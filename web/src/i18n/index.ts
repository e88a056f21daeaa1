/**
 * i18n: Vietnamese first, English second. Each audience of the application has its own namespace
 * (`vi/<namespace>.ts`, `en/<namespace>.ts`): `common` (the frame, accounts, shared code lists),
 * `portal`, `citizen`, `desk`, `leader`, `gateway` (the LGSP admin pages), and `dossier` for the dossier components the citizen and the
 * desk share. Vietnamese `common` and `portal` are bundled (the home page needs them); every other
 * namespace, and all of English, is its own chunk, loaded with the pages that use it (see
 * app/lazyPage.ts). A component names its namespaces — `useTranslation(['desk', 'dossier'])` — and a
 * key is looked up in them in order, then in `common`.
 *
 * The choice of language is kept in localStorage and mirrored to <html lang> and the API's Accept-Language.
 */
import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import { common } from './vi/common.ts';
import { portal } from './vi/portal.ts';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const NAMESPACES = ['common', 'portal', 'citizen', 'desk', 'leader', 'dossier', 'gateway'] as const;
export type Namespace = (typeof NAMESPACES)[number];
const STORAGE_KEY = 'motcua.lang';

/** One chunk per language and namespace; the `index.ts` merges are for tests and never loaded. */
const modules = import.meta.glob<Record<string, object>>(['./vi/*.ts', './en/*.ts', '!./*/index.ts']);

async function load(lang: string, ns: string): Promise<object> {
  const mod = modules[`./${lang}/${ns}.ts`];
  if (!mod) throw new Error(`no ${lang} resources for namespace ${ns}`);
  const m = await mod();
  return m[ns]!;
}

function stored(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function mirror(lang: Lang): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export async function initI18n(): Promise<typeof i18n> {
  const lang = stored();
  await i18n.use(initReactI18next).use(resourcesToBackend(load)).init({
    resources: { vi: { common, portal } },
    partialBundledLanguages: true,
    ns: ['common', 'portal'],
    defaultNS: 'common',
    fallbackNS: 'common',
    lng: 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
    // useTranslation(['desk', 'dossier']): t looks in every namespace named, in order.
    react: { nsMode: 'fallback' },
  });
  if (lang !== 'vi') await setLanguage(lang);
  else mirror('vi');
  return i18n;
}

/** Loads namespaces before their pages render (in parallel with the pages' chunks). */
export function loadNamespaces(ns: Namespace | readonly Namespace[]): Promise<void> {
  return i18n.loadNamespaces(typeof ns === 'string' ? ns : [...ns]);
}

export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for the page */
  }
  await i18n.changeLanguage(lang);
  mirror(lang);
}

export { i18n };
