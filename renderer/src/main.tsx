import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getEngine } from './db/duckdb-browser';
import { detectPlatform } from './platform';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App platform={detectPlatform()} engine={getEngine} />
  </StrictMode>,
);
