import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Button, ButtonLink } from './button.tsx';

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('Button', () => {
  it('is a plain button unless it says it submits, so a form is never sent by accident', () => {
    expect(html(createElement(Button, null, 'Try again'))).toBe(
      '<button type="button" class="button">Try again</button>',
    );
    expect(html(createElement(Button, { type: 'submit', disabled: true }, 'Save'))).toBe(
      '<button type="submit" class="button" disabled="">Save</button>',
    );
  });

  it('carries its variant and size as the stylesheet names them', () => {
    expect(html(createElement(Button, { variant: 'danger', small: true }, 'Revoke'))).toBe(
      '<button type="button" class="button button--danger button--small">Revoke</button>',
    );
  });

  it('takes a class for where it sits, keeping its look', () => {
    expect(html(createElement(Button, { className: 'site-nav__toggle', variant: 'secondary' }, 'Menu'))).toBe(
      '<button type="button" class="site-nav__toggle button button--secondary">Menu</button>',
    );
  });

  it('as a link, navigates like one and looks like a button', () => {
    const link = createElement(ButtonLink, { to: '/authorizations', variant: 'secondary' }, 'Back');
    expect(html(createElement(MemoryRouter, null, link))).toBe(
      '<a class="button button--secondary" href="/authorizations" data-discover="true">Back</a>',
    );
  });
});
