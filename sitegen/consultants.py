"""The consultants' page: every linkable section of the guide, grouped by page, with a link to copy."""

from .markup import escape, same

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from decision_core.framework.sections import Section


def _page_anchor(page: str) -> str:
    slug = page.strip("/").replace("/", "-") or "home"
    return "links-" + slug


def consultants_markdown(sections: "Iterable[Section]", site_url: str,
                         page_titles: "Callable[[str], str]",
                         href: "Callable[[str], str]" = same) -> str:
    """Every linkable section, grouped by page in collapsible groups, each with its address and a copy button.

    Each page's sections form one `<details>` group (`id="links-<page>"`),
    closed, whose summary names the page and counts its links, so the page
    stays short on a phone. Each section is a list item with its title
    linked, its summary, its address as selectable text (absolute, from the
    site's URL) and a `<button>` (hidden until the page's script enables it)
    that copies the address of the section on the site the reader is on:
    the button holds the link relative to this page (`data-copy-href`), and
    the script resolves it. A visible "Copied" appears next to the button
    that copied, and one polite live region says it too.

    Args:
        sections: `sections.SECTIONS`, in reading order.
        site_url: The site's absolute URL, ending with `/`.
        page_titles: Returns a page's title from its site-relative URL (e.g. `framework/`).
        href: Turns a site-relative URL into the link to write.

    Returns:
        An HTML block.
    """
    groups = []  # (page, [sections]), in reading order
    for section in sections:
        for group in groups:
            if group[0] == section.page:
                group[1].append(section)
                break
        else:
            groups.append((section.page, [section]))
    parts = ['<div class="section-groups">',
             '<p class="copy-link__status visually-hidden" role="status" aria-live="polite"></p>']
    for page, members in groups:
        count = "1 link" if len(members) == 1 else "%d links" % len(members)
        parts.append('<details class="section-group" id="%s">' % escape(_page_anchor(page)))
        parts.append('<summary><span class="section-group__title">%s</span> '
                     '<span class="section-group__count">%s</span></summary>'
                     % (escape(page_titles(page)), escape(count)))
        parts.append('<ul class="section-links">')
        for section in members:
            absolute = site_url + section.url
            link = href(section.url)
            parts.append(
                '<li class="section-link" data-section="%s">'
                '<p class="section-link__title"><a href="%s">%s</a></p>'
                '<p class="section-link__summary">%s</p>'
                '<p class="section-link__url"><code>%s</code>'
                ' <button type="button" class="md-button section-link__copy" data-copy-href="%s"'
                ' aria-label="Copy link: %s" hidden>Copy link</button>'
                ' <span class="section-link__done" data-copy-done aria-hidden="true"></span></p></li>'
                % (escape(section.id), escape(link), escape(section.title),
                   escape(section.summary), escape(absolute), escape(link), escape(section.title))
            )
        parts.append("</ul>")
        parts.append("</details>")
    parts.append("</div>")
    return "\n".join(parts)
