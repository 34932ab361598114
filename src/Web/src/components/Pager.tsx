import type { Page } from "../api/types";

export function Pager({ page, onPage, noun }: { page: Page<unknown>["pagination"] | undefined; onPage: (page: number) => void; noun: string }) {
  if (!page || page.total === 0) return null;
  const pages = Math.max(page.pages, 1);
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        Previous
      </button>
      <span>
        Page {page.page} of {pages} · {page.total} {noun}
      </span>
      <button type="button" disabled={page.page >= pages} onClick={() => onPage(page.page + 1)}>
        Next
      </button>
    </nav>
  );
}
