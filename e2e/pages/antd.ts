import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an Ant Design Select (single or multiple): opens it, fills `search` when given (searchable
 * selects), then clicks the visible option containing `option`.
 */
export async function pickOption(page: Page, select: Locator, option: string | RegExp, search?: string): Promise<void> {
  await select.waitFor();
  const multiple = (await select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select-multiple ")]').count()) > 0;
  // Options may still be loading or animating when the first click lands; retry until the Select takes the choice.
  await expect(async () => {
    // A multiple Select stays open after a choice: a retry must not toggle it shut.
    if (!multiple || (await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    if (search) await select.fill(search);
    await (await optionsOf(page, select)).filter({ hasText: option }).first().click({ timeout: 3_000 });
    // A single Select closes its dropdown once an option is taken.
    if (!multiple) await expect(select).not.toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * The options in the dropdown of an OPEN Select. Its combobox names its listbox in aria-controls
 * (`<id>_list`), so the dropdown of another Select that is still closing is never picked.
 */
export async function optionsOf(page: Page, select: Locator): Promise<Locator> {
  const combobox = (await select.getAttribute('role')) === 'combobox' ? select : select.getByRole('combobox');
  await expect(combobox).toHaveAttribute('aria-controls', /_list$/);
  const listId = (await combobox.getAttribute('aria-controls')) ?? '';
  return page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) }).locator('.ant-select-item-option');
}

/**
 * Checks a radio in a dialog that may still be animating open: a click landing then can be lost (Playwright
 * reports that it did not change the state), so it is retried until the radio is checked.
 */
export async function checkRadio(radio: Locator): Promise<void> {
  await expect(async () => {
    await radio.check({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}
