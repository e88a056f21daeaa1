/**
 * A page loaded on demand, with the translation namespaces it uses: both are fetched in parallel,
 * so an audience's code and words arrive together and only when one of its pages is opened.
 */
import { lazy, type ComponentType } from 'react';
import { loadNamespaces, type Namespace } from '../i18n/index.ts';

export function lazyPage(ns: Namespace | readonly Namespace[], load: () => Promise<{ default: ComponentType }>) {
  return lazy(() => Promise.all([load(), loadNamespaces(ns)]).then(([m]) => m));
}
