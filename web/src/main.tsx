import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/App.tsx';
import { SessionProvider } from './auth/session.tsx';
import { initI18n } from './i18n/index.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';

await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
