import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

export interface SectionLink {
  to: string;
  label: string;
  end?: boolean;
  note?: ReactNode;
}

/** The navigation between the sections of an area; the current one carries aria-current="page". */
export function SectionNav({
  label,
  groups,
}: {
  label: string;
  groups: Array<{ title?: string; links: SectionLink[] }>;
}) {
  return (
    <nav className="section-nav" aria-label={label}>
      {groups.map((group) => (
        <div key={group.title ?? 'main'}>
          {group.title && <span className="section-nav__title">{group.title}</span>}
          <ul>
            {group.links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                  {link.note && <span className="section-nav__coming"> {link.note}</span>}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
