// Draws the app's window; main.tsx has already asked for the engine.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getEngine } from './db/duckdb-browser';
import { detectPlatform } from './platform';
// The app's font, also embedded in every exported chart (export/fonts.ts): Latin covers Swedish.
import '@fontsource/source-sans-3/latin-400.css';
import '@fontsource/source-sans-3/latin-600.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App platform={detectPlatform()} engine={getEngine} />
  </StrictMode>,
);
