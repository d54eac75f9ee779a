import { useState } from 'react';
import { safeExternalUrl } from '../../lib/external-url.ts';
import './app-logo.css';

/**
 * The app's logo from its registration (ApplicationInformation logo_uri), or its initial when it has
 * none or the image does not load. Decorative: the name is always written next to it.
 */
export function AppLogo(props: { name: string; logoUri?: string; large?: boolean }) {
  const src = safeExternalUrl(props.logoUri);
  const [failed, setFailed] = useState(false);
  const className = props.large ? 'app-logo app-logo--large' : 'app-logo';
  if (src && !failed) {
    const size = props.large ? 64 : 40;
    return (
      <img
        className={className}
        src={src}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  const initial = Array.from(props.name.trim())[0]?.toLocaleUpperCase() ?? '?';
  return (
    <span className={`${className} app-logo--initial`} aria-hidden="true">
      {initial}
    </span>
  );
}
