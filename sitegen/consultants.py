"""The consultants' page: every linkable section of the guide, grouped by page, with a link to copy.
"""

from .markup import escape, escape_markdown, same

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
    """Every linkable section, grouped by page, with its absolute URL and a copy button.

    Each group is a level-2 heading (`{ #links-<page> }`) naming the page; each
    section is a list item with its title linked, its summary, its absolute URL
    as selectable text and a `<button>` (hidden until the page's script enables
    it) that copies that URL. One polite live region announces "Link copied".

    Args:
        sections: `sections.SECTIONS`, in reading order.
        site_url: The site's absolute URL, ending with `/`.
        page_titles: Returns a page's title from its site-relative URL (e.g. `framework/`).
        href: Turns a site-relative URL into the link to write.

    Returns:
        Markdown with HTML blocks.
    """
    groups = []  # (page, [sections]), in reading order
    for section in sections:
        for group in groups:
            if group[0] == section.page:
                group[1].append(section)
                break
        else:
            groups.append((section.page, [section]))
    parts = ['<p class="copy-link__status visually-hidden" role="status" aria-live="polite"></p>', ""]
    for page, members in groups:
        parts.append("## %s { #%s }" % (escape_markdown(page_titles(page)), _page_anchor(page)))
        parts.append("")
        parts.append('<ul class="section-links">')
        for section in members:
            absolute = site_url + section.url
            parts.append(
                '<li class="section-link" data-section="%s">'
                '<p class="section-link__title"><a href="%s">%s</a></p>'
                '<p class="section-link__summary">%s</p>'
                '<p class="section-link__url"><code>%s</code>'
                ' <button type="button" class="md-button section-link__copy" data-copy-url="%s"'
                ' aria-label="Copy link: %s" hidden>Copy link</button></p></li>'
                % (escape(section.id), escape(href(section.url)), escape(section.title),
                   escape(section.summary), escape(absolute), escape(absolute), escape(section.title))
            )
        parts.append("</ul>")
        parts.append("")
    return "\n".join(parts)
