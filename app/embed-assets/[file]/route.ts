import { embedAsset } from '@/lib/embed/page/handler';

interface Context {
  params: Promise<{ file: string }>;
}

/** `/embed-assets/panel-<hash>.js`: the embed page's one script. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  return embedAsset((await params).file);
}
