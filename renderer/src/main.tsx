import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Boot() {
  return <p>Keyplan</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);
