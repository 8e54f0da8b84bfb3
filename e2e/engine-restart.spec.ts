import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { events, hitsText } from './support/dataset';

const ROOT = path.join(import.meta.dirname, '..');

function engine(command: 'start' | 'stop'): void {
  execFileSync('npx', ['tsx', 'scripts/engine.ts', command], { cwd: ROOT, stdio: 'inherit', timeout: 240_000 });
}

// Runs last (its own project): other specs must not see the engine go away.
test.describe('engine outage', () => {
  test.describe.configure({ timeout: 420_000 });

  test.afterAll(() => {
    // Whatever happened above, leave a running engine behind.
    engine('start');
  });

  test('stopping the engine shows a banner that goes away when it is back', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await expect(explorer.total).toHaveText(hitsText(events().length));
    const rows = (await explorer.renderedIds()).slice(0, 10);

    engine('stop');
    await explorer.untilSearched(() => page.getByRole('button', { name: 'Refresh' }).click());
    const banner = page.getByTestId('engine-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Elasticsearch is not reachable');
    // The last good rows stay on screen during the outage (the banner pushes the table down a little).
    expect((await explorer.renderedIds()).slice(0, 10)).toEqual(rows);

    engine('start');
    await expect(banner).toBeHidden({ timeout: 60_000 });
    await expect(explorer.total).toHaveText(hitsText(events().length));
    await expect(explorer.dataRows().first()).toBeVisible();
  });
});
