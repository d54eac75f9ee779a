import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';

/** Text to copy as it is (a secret, a script): shown whole, with a copy button that says what happened. */
export function CopyableText(props: { label: string; text: string }) {
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setStatus(`${props.label} copied.`);
    } catch {
      setStatus('Copying is not allowed here: select the text and copy it.');
    }
  }
  return (
    <div className="api-access__copyable">
      <p className="api-access__copy-label">{props.label}</p>
      {/* Wrapped (the global pre style), so nothing needs scrolling to be read. */}
      <pre>{props.text}</pre>
      <p className="actions">
        <Button variant="secondary" small onClick={() => void copy()}>
          Copy {props.label.toLowerCase()}
        </Button>
        <span role="status">{status}</span>
      </p>
    </div>
  );
}
