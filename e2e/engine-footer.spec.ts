import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';

test('the footer names the engine and version, as the engine itself reports them, and the field profile', async ({ page, request }) => {
  // The oracle: the engine's own answer, read without the app (the local engine or ELASTICSEARCH_URL).
  const engineUrl = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200';
  const root = await request.get(`${engineUrl}/`);
  const body = (await root.json().catch(() => ({}))) as { version?: { number?: string; distribution?: string } };
  let name: string;
  if (root.ok() && body.version?.number) {
    name = `${body.version.distribution === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} ${body.version.number}`;
  } else {
    const nodes = (await (await request.get(`${engineUrl}/_nodes/_local?filter_path=nodes.*.version`)).json()) as {
      nodes: Record<string, { version: string }>;
    };
    name = `Elasticsearch ${Object.values(nodes.nodes)[0]?.version ?? ''}`;
  }
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const footer = page.getByTestId('engine-footer');
  await expect(footer).toHaveText(`${name} · fields read as Fluentd`);
});
