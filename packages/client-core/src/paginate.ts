import { VeeamPaginationError, type ApiError } from './errors.js';
import type { PaginationInfo } from './table.js';
import type { Paginator } from './types.js';

/** Page size used when the caller gives none. */
export const DEFAULT_PAGE_SIZE = 100;

/** Fetches one page with the given query; resolves to the call result. */
export type PageFetcher = (query: Record<string, unknown>) => Promise<{ data?: unknown; error?: ApiError<unknown> }>;

/**
 * Walks a paged operation: Azure offset/limit (stops when the total is reached or a short page comes)
 * and the EM query service's page/pageSize (stops at PagingInfo.PagesCount). Start values in `query`
 * (Offset, page) and the caller's page size are honoured.
 */
export function createPaginator(operationId: string, info: PaginationInfo, query: Record<string, unknown>, fetchPage: PageFetcher): Paginator<unknown, unknown> {
  async function* pages(): AsyncGenerator<unknown> {
    for await (const [page] of walk()) yield page;
  }

  async function* walk(): AsyncGenerator<[unknown, unknown[]]> {
    if (info.style === 'offset-limit') {
      let offset = Number(query[info.offset] ?? 0);
      const limit = Number(query[info.limit] ?? DEFAULT_PAGE_SIZE);
      for (;;) {
        const page = await load({ ...query, [info.offset]: offset, [info.limit]: limit });
        const items = itemsOf(page, info.items);
        yield [page, items];
        offset += items.length;
        const total = info.total ? (page as Record<string, unknown>)[info.total] : undefined;
        if (items.length === 0 || limit < 0) return; // Limit=-1 asks Azure for everything at once
        if (typeof total === 'number' ? offset >= total : items.length < limit) return;
      }
    } else {
      // EM's query service puts the items elsewhere per ?format= (References: Refs.Refs, Entities: Entities.*.*).
      const selector = info.itemsBy ? query[info.itemsBy.parameter] : undefined;
      const itemsPath = (selector !== undefined && info.itemsBy?.values[String(selector)]) || info.items;
      let pageNum = Number(query[info.page] ?? 1);
      const pageSize = Number(query[info.pageSize] ?? DEFAULT_PAGE_SIZE);
      for (;;) {
        const page = await load({ ...query, [info.page]: pageNum, [info.pageSize]: pageSize });
        const items = itemsOf(page, itemsPath);
        yield [page, items];
        const paging = (page as Record<string, unknown>)[info.pagingInfo] as { PagesCount?: unknown } | null | undefined;
        const count = Number(paging?.PagesCount);
        if (items.length === 0 || !Number.isFinite(count) || pageNum >= count) return;
        pageNum++;
      }
    }
  }

  async function load(pageQuery: Record<string, unknown>): Promise<unknown> {
    const result = await fetchPage(pageQuery);
    if (result.error) {
      throw new VeeamPaginationError('http-error', `${operationId}: page request failed with status ${result.error.status}.`, operationId, result.error);
    }
    if (result.data === null || typeof result.data !== 'object') {
      throw new VeeamPaginationError('bad-page', `${operationId}: expected a page object, got ${result.data === null ? 'null' : typeof result.data}.`, operationId);
    }
    return result.data;
  }

  function itemsOf(page: unknown, path: string): unknown[] {
    let node: unknown = page;
    for (const key of path.split('.')) {
      if (node === null || node === undefined) break;
      // `*`: the one property of this object that is not null (EM Entities holds one list per queried type).
      node = key === '*' ? Object.values(node as object).find((v) => v !== null && v !== undefined) : (node as Record<string, unknown>)[key];
    }
    // EM JSON writes an empty list as null.
    if (node === null || node === undefined) return [];
    if (!Array.isArray(node)) {
      throw new VeeamPaginationError('bad-page', `${operationId}: expected an array at "${path}" of the page, got ${typeof node}.`, operationId);
    }
    return node;
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const [, items] of walk()) yield* items;
    },
  };
}
