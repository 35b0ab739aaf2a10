import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TableCaption, TableWrap } from '~/components/table-wrap';

/** A table that scrolls sideways is a keyboard stop, named by its caption (axe scrollable-region-focusable). */
describe('TableWrap', () => {
  it('is a focusable region named by the caption of the table inside it', () => {
    const html = renderToStaticMarkup(
      <TableWrap><table><TableCaption className="visually-hidden">Moments</TableCaption><tbody /></table></TableWrap>,
    );
    const labelledBy = /<div class="table-wrap" tabindex="0" role="region" aria-labelledby="([^"]+)">/.exec(html)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<caption id="${labelledBy}" class="visually-hidden">Moments</caption>`);
  });

  it('may be named by another element, such as the section heading', () => {
    const html = renderToStaticMarkup(<TableWrap labelledBy="memberships-heading"><table><tbody /></table></TableWrap>);
    expect(html).toContain('aria-labelledby="memberships-heading"');
  });
});
