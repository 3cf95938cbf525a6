"""Every visible button or toggle on every page does something when activated (issue 12).

For each page, at 1280 and 390 px: find every visible control (buttons, <summary> toggles,
quiz choices, the theme and search buttons), activate it, and require a change the reader
could see: the DOM changes (outside tooltips), the page scrolls, the URL changes, a dialog
opens or the page goes full screen. A dead control fails the test with its description.

Each control is activated with its own click event in the page (a real mouse click on
thousands of controls would take too long); the navigation tests tap the header buttons for
real. A control that opened a dialog, menu, the search box or full screen is undone before
the next one (and a page that navigated away is loaded again), so one control's effect is
never counted for the next.
"""

from __future__ import annotations

import pytest

from helpers.browsing import open_page, settle

WIDTHS = [1280, 390]

# Visible, enabled controls, each with a description for the failure message.
FIND_CONTROLS = """
() => {
  const selector = [
    'button:not([disabled])', '[role=button]', 'summary', 'label.MCButton',
    'input[type=checkbox]:not([disabled])',
  ].join(',');
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    if (el.closest('details:not([open]) > :not(summary)')) return false;
    if (el.closest('dialog:not([open])')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // Run live starts Python in the page (12 MB): tests/browser/test_live.py presses it on every
  // model and checks what it does, so it is not pressed here on every page at both widths.
  const controls = [...document.querySelectorAll(selector)].filter(visible)
    .filter((el) => !el.matches('.relsell-live-run'));
  controls.forEach((el, i) => el.setAttribute('data-control', String(i)));
  return controls.map((el, i) => ({
    index: i,
    what: (el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' "' +
           (el.getAttribute('aria-label') || el.title || el.textContent)
             .replace(/\\s+/g, ' ').trim().slice(0, 60) + '"'),
  }));
}
"""

# Activate one control and report what changed. Tooltips and focus rings are not changes.
ACTIVATE = """
async (index) => {
  const el = document.querySelector(`[data-control="${index}"]`);
  if (!el) return {missing: true};
  const ignoredAttributes = new Set(['aria-describedby', 'data-bs-original-title', 'title']);
  let changes = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (node && node.closest && node.closest('.tooltip')) continue;
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(
          (n) => n.nodeType === 1 && n.classList.contains('tooltip'))) continue;
      if (r.type === 'attributes' && ignoredAttributes.has(r.attributeName)) continue;
      changes += 1;
    }
  });
  observer.observe(document.documentElement,
                   {subtree: true, childList: true, attributes: true, characterData: true});
  const before = {url: location.href, x: scrollX, y: scrollY,
                  fullscreen: !!document.fullscreenElement};
  el.click();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 30));
  // Nothing yet? Some effects are asynchronous (full screen, on a busy machine): wait a little
  // longer before calling the control dead. Live controls never pay for this.
  for (let waited = 0; waited < 1500; waited += 50) {
    if (changes || location.href !== before.url || scrollX !== before.x || scrollY !== before.y
        || !!document.fullscreenElement !== before.fullscreen
        || document.querySelector('dialog[open]')) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  observer.disconnect();
  const dialogOpen = !!document.querySelector('dialog[open]');
  const menuOpen = !!document.querySelector('.dropdown-menu.show, .search-button__wrapper.show');
  const fullscreen = !!document.fullscreenElement;
  return {
    changes, dialogOpen, menuOpen,
    moved: location.href !== before.url || scrollX !== before.x || scrollY !== before.y,
    fullscreen: fullscreen !== before.fullscreen,
    undo: dialogOpen || menuOpen || fullscreen,
    reload: location.href !== before.url,
  };
}
"""

# Close what a control opened: dialogs, Bootstrap menus, the search box, full screen.
UNDO = """
async () => {
  document.querySelectorAll('dialog[open]').forEach((d) => d.close());
  document.querySelectorAll('.dropdown-menu.show').forEach((menu) => {
    const toggle = menu.parentElement.querySelector('[data-bs-toggle=dropdown]');
    if (toggle && window.bootstrap) bootstrap.Dropdown.getOrCreateInstance(toggle).hide();
  });
  document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
  if (document.fullscreenElement) await document.exitFullscreen().catch(() => {});
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return !document.querySelector('dialog[open], .dropdown-menu.show, .search-button__wrapper.show')
    && !document.fullscreenElement;
}
"""

QUIET = """
async () => {
  // Changes to the page in 300 ms with nobody touching it, and what changed (for the message).
  const seen = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      seen.push(`${r.type} ${r.attributeName || ''} on ${el ? el.tagName.toLowerCase()
        + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined
        ? '.' + String(el.className).split(' ')[0] : '') : '?'}`);
    }
  });
  observer.observe(document.documentElement,
                   {subtree: true, childList: true, attributes: true, characterData: true});
  await new Promise((resolve) => setTimeout(resolve, 300));
  observer.disconnect();
  return seen;
}
"""


def _wait_until_quiet(page, tries: int = 10) -> list[str]:
    """Nothing if the page stops changing by itself within ``tries`` windows of 300 ms.

    A loaded page may still finish work on a busy machine (fonts, MathJax, images) for a
    moment; a page that never stops (an animation, a timer) would make every click look alive.
    """
    changes: list[str] = []
    for _ in range(tries):
        changes = page.evaluate(QUIET)
        if not changes:
            return []
    return sorted(set(changes))[:8]


def _load(chromium, url: str, width: int, context, dialogs: list):
    visit = open_page(chromium, url, width, context=context)
    page = visit.page
    # A confirm() or alert() is a visible answer to a click (the progress page's reset asks
    # first): count it, then dismiss it.
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.evaluate("() => document.fonts.ready")
    settle(page)
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_every_visible_control_does_something(chromium, base_url, page_path, width):
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="en-US")
    url = base_url + page_path
    try:
        dialogs: list[str] = []
        page = _load(chromium, url, width, context, dialogs)
        busy = _wait_until_quiet(page)
        assert not busy, f"the page keeps changing by itself, so a click proves nothing: {busy}"
        controls = page.evaluate(FIND_CONTROLS)
        assert controls, f"{page_path}: no visible control at all (the header buttons are missing)"
        dead = []
        for control in controls:
            asked = len(dialogs)
            result = page.evaluate(ACTIVATE, control["index"])
            result["asked"] = len(dialogs) > asked
            if result.get("missing"):
                continue  # gone after an earlier control changed the page (a quiz re-rendered)
            if not (
                result["changes"]
                or result["moved"]
                or result["dialogOpen"]
                or result["fullscreen"]
                or result["asked"]
            ):
                dead.append(control["what"])
            if result["undo"] and not result["reload"]:
                result["reload"] = not page.evaluate(UNDO)
            if result["reload"]:
                page.close()
                page = _load(chromium, url, width, context, dialogs)
                page.evaluate(FIND_CONTROLS)  # the same controls, numbered the same way
        assert not dead, f"{page_path} @{width}px: {len(dead)} control(s) do nothing: {dead}"
        print(f"\n{page_path} @{width}px: {len(controls)} controls, all alive")
    finally:
        context.close()
