import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SelectFilter } from '~/components/list-controls';

/** A list's select filter: labelled, the "any" option first and empty, the URL's value chosen. */
describe('SelectFilter', () => {
  it('labels the select and starts with the option that filters nothing', () => {
    const html = renderToStaticMarkup(
      <SelectFilter id="agreement-kind" name="kind" label="Kind" value={undefined} any="Any kind" options={[{ value: 'covenant', label: 'Covenant' }]} />,
    );
    expect(html).toBe(
      '<div class="field"><label for="agreement-kind">Kind</label><select id="agreement-kind" name="kind">'
      + '<option value="" selected="">Any kind</option><option value="covenant">Covenant</option></select></div>',
    );
  });

  it('chooses a numeric value from the URL, and has no empty option without `any`', () => {
    const html = renderToStaticMarkup(
      <SelectFilter id="oversight-year" name="year" label="Year" value={2025} options={[{ value: 2024, label: '2024' }, { value: 2025, label: '2025' }]} />,
    );
    expect(html).not.toContain('value=""');
    expect(html).toContain('<option value="2025" selected="">2025</option>');
  });
});
