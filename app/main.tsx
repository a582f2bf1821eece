import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableBackgroundRuns } from './store/runProgress';
import { App } from './ui/App';
import './ui/app.css';

// Long scenarios are shown after their first minute and computed on in the background.
enableBackgroundRuns();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
