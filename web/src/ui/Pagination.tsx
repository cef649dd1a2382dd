import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Previous/next links for a paginated list; `hrefFor` builds the address of a page. */
export function Pagination({
  page,
  perPage,
  total,
  hrefFor,
}: {
  page: number;
  perPage: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, perPage)));
  if (pages <= 1) return <p className="muted">{t('pagination.count', { total })}</p>;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 && (
        <Link to={hrefFor(page - 1)} rel="prev">
          {t('pagination.previous')}
        </Link>
      )}
      <span>{t('pagination.status', { page, pages, total })}</span>
      {page < pages && (
        <Link to={hrefFor(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      )}
    </nav>
  );
}
