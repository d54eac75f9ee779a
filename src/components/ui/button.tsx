/**
 * The portal's buttons: one look (`.button` in the global stylesheet), three variants and a small size,
 * on a `<button>` or on a router link that reads as a button. `type` defaults to "button", so a button
 * inside a form submits only when it says so.
 */
import type { ComponentProps } from 'react';
import { Link } from 'react-router';

export interface ButtonLook {
  /** `primary` (default): the page's main action; `secondary`: the others; `danger`: what cannot be undone. */
  variant?: 'primary' | 'secondary' | 'danger';
  /** The compact size, for actions inside cards, banners and the header. */
  small?: boolean;
  /** A class of the place the button sits in (where it shows, its margin), never another look. */
  className?: string;
}

function buttonClass({ variant = 'primary', small = false, className }: ButtonLook): string {
  return [className, 'button', variant !== 'primary' && `button--${variant}`, small && 'button--small']
    .filter(Boolean)
    .join(' ');
}

export function Button({
  variant,
  small,
  className,
  type = 'button',
  ...props
}: ButtonLook & ComponentProps<'button'>) {
  return <button type={type} className={buttonClass({ variant, small, className })} {...props} />;
}

export function ButtonLink({
  variant,
  small,
  className,
  ...props
}: ButtonLook & ComponentProps<typeof Link>) {
  return <Link className={buttonClass({ variant, small, className })} {...props} />;
}
