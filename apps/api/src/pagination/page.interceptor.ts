import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import type { Page } from '@fenceline/data-access';

interface PagedRequest {
  readonly originalUrl?: string;
  readonly url: string;
  readonly protocol?: string;
  get?(name: string): string | undefined;
}
interface PagedResponse {
  setHeader(name: string, value: string): void;
}

/** The URL of the next page: the request's own URL (every filter kept) with `cursor` replaced. */
export function nextPageUrl(requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl, 'http://fenceline.invalid');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

/**
 * A list route answers a JSON array (its shape before paging); the next page is announced in
 * `Link: <…&cursor=…>; rel="next"` (RFC 8288) and `X-Next-Cursor`, absent on the last page.
 */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<Page<unknown>>): Observable<unknown[]> {
    const http = context.switchToHttp();
    const request = http.getRequest<PagedRequest>();
    const response = http.getResponse<PagedResponse>();
    return next.handle().pipe(
      map((page) => {
        if (page.nextCursor) {
          const url = nextPageUrl(request.originalUrl ?? request.url, page.nextCursor);
          response.setHeader('Link', `<${url}>; rel="next"`);
          response.setHeader('X-Next-Cursor', page.nextCursor);
        }
        return page.items;
      }),
    );
  }
}

/** Marks a list route: its `Page` answer becomes an array plus the next-page headers, documented. */
export function Paginated(limit = 'page size, 1–1000 (default 500)') {
  return applyDecorators(
    UseInterceptors(PageInterceptor),
    ApiQuery({
      name: 'limit',
      required: false,
      description: limit,
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description: 'the X-Next-Cursor of the previous page',
    }),
    ApiResponse({
      status: 200,
      description: 'one page, as a JSON array; a next page is announced in Link and X-Next-Cursor',
      headers: {
        Link: { description: '<…&cursor=…>; rel="next" (RFC 8288), when a next page exists' },
        'X-Next-Cursor': { description: 'the cursor of the next page, when one exists' },
      },
    }),
  );
}
