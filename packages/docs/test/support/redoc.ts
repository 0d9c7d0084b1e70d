import type { Page } from 'playwright-core';

/** Waits until the server-rendered Redoc page is hydrated (React attached), so clicks and routes work. */
export async function waitForRedoc(page: Page): Promise<void> {
  await page.waitForSelector('#redoc [data-section-id]', { state: 'attached' });
  await page.waitForFunction(() => {
    const root = document.getElementById('redoc');
    return !!root && Object.keys(root).some((k) => k.startsWith('__reactContainer'));
  });
}

/** Section ids of the form `/<tag>/<operation>`: Redoc 3's operation entries. */
const OPERATION_ID = /^\/[^/]+\/[^/]+$/;

/** One operation entry Redoc rendered. */
export interface RenderedOperation {
  sectionId: string;
  title: string;
}

/**
 * Redoc 3 shows the operations of one tag at a time (the tag in the route is expanded): visit the
 * page's own route of every tag, scroll each operation entry into view so it renders, and read its
 * title. Returns every distinct entry.
 */
export async function collectOperations(page: Page): Promise<RenderedOperation[]> {
  const sectionIds = (): Promise<string[]> =>
    page.evaluate(() => [...document.querySelectorAll('#redoc [data-section-id]')].map((e) => e.getAttribute('data-section-id') ?? ''));
  const tags = [...new Set((await sectionIds()).filter((id) => /^\/[^/]+$/.test(id)))];
  const found = new Map<string, string>();
  for (const route of ['', ...tags]) {
    if (route) {
      await page.evaluate((hash) => (location.hash = hash), `#${route}`);
      await page.waitForFunction((prefix) => !!document.querySelector(`#redoc [data-section-id^="${prefix}/"]`), route);
    }
    for (const id of (await sectionIds()).filter((s) => OPERATION_ID.test(s) && !found.has(s))) {
      const title = await readOperationTitle(page, id);
      found.set(id, title);
    }
  }
  return [...found].map(([sectionId, title]) => ({ sectionId, title }));
}

/** Scrolls one operation entry into view, waits for Redoc to render it, and returns its heading. */
export async function readOperationTitle(page: Page, sectionId: string): Promise<string> {
  const section = page.locator(`#redoc [data-section-id="${sectionId}"]`);
  await section.scrollIntoViewIfNeeded();
  const rendered = page.locator(`#redoc [data-section-id="${sectionId}"][data-item-kind="httpItem"]`);
  await rendered.waitFor({ state: 'visible' });
  return ((await rendered.locator('h1, h2').first().textContent()) ?? '').trim();
}

/**
 * In an operation's response samples panel: selects `status`, opens the media type dropdown,
 * returns the offered media types, then for each wanted media type selects it and returns the
 * code block's text.
 */
export async function readResponseSamples(
  page: Page,
  sectionId: string,
  status: string,
  mediaTypes: string[],
): Promise<{ offered: string[]; samples: Record<string, string> }> {
  const panel = page.locator(`#redoc [data-section-id="${sectionId}"] .panel-response-samples`);
  await panel.scrollIntoViewIfNeeded();
  const statusButton = panel.getByRole('button', { name: status, exact: true });
  if (await statusButton.count()) await statusButton.first().click();
  const dropdown = panel.locator('button[aria-label="Response media type"]');
  let offered: string[] = [];
  const samples: Record<string, string> = {};
  for (const mediaType of mediaTypes) {
    await dropdown.click();
    const item = page.getByRole('menuitem', { name: mediaType, exact: true });
    await page.getByRole('menuitem').first().waitFor({ state: 'visible' });
    if (offered.length === 0) offered = (await page.getByRole('menuitem').allTextContents()).map((t) => t.trim());
    if (!(await item.count())) break; // reported by the caller through `offered`
    await item.click();
    await page.waitForFunction(
      ({ id, mt }) => document.querySelector(`#redoc [data-section-id="${id}"] .panel-response-samples button[aria-label="Response media type"]`)?.textContent?.trim() === mt,
      { id: sectionId, mt: mediaType },
    );
    samples[mediaType] = (await panel.locator('pre[data-testid="source-code"]').first().textContent()) ?? '';
  }
  return { offered, samples };
}
