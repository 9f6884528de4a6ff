// The browser half of the end-to-end run: drives VS Code's workbench like a user would and checks what
// it shows. Every wait polls for a state; there are no fixed sleeps.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { EXPECTED, SEED_EDIT, SEED_FILE, expectedRange, positionOf } from './expect.mjs';
import { log } from './lib.mjs';

const TIMEOUT = Number(process.env.FACTDESK_E2E_TIMEOUT_MS || 60_000);

/** Calls fn until it returns a truthy value; on timeout throws with the last thing fn reported. */
export async function poll(what, fn, timeout = TIMEOUT) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn((state) => (last = state));
      if (v) return v;
    } catch (err) {
      last = `error: ${err.message}`;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last !== undefined ? `\n  last seen: ${typeof last === 'string' ? last : JSON.stringify(last, null, 2)}` : ''}`);
    await new Promise((r) => setTimeout(r, 150)); // polling interval, not a wait for a state
  }
}

/** Rows of the Problems panel: { text, message, position: {line, col}, file } (file rows set `file`). */
async function problemRows(page) {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
    rows.map((r) => ({ text: r.innerText, label: r.getAttribute('aria-label') || '' })),
  );
}

function parseRows(rows) {
  // A finding's row reads MESSAGE / SOURCE / CODE / [Ln L, Col C]; its related-information rows (the seed
  // evidence) read SEED / [Ln L, Col C] / : / The seed says…; a file's row has no position.
  const out = [];
  let file;
  for (const r of rows) {
    const lines = r.text.split('\n').map((l) => l.trim()).filter(Boolean);
    const last = /^\[Ln (\d+), Col (\d+)\]$/.exec(lines[lines.length - 1] ?? '');
    if (last && lines.length >= 3) {
      out.push({ file, text: r.text, message: lines[0], source: lines[1], code: lines[2], line: Number(last[1]), col: Number(last[2]), related: [] });
      continue;
    }
    if (lines.some((l) => /^\[Ln \d+, Col \d+\]$/.test(l))) {
      out[out.length - 1]?.related.push(r.text.replace(/\n/g, ' '));
      continue;
    }
    file = lines[0];
  }
  return out;
}

async function openProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: TIMEOUT });
  }
}

async function findingRows(page) {
  await openProblems(page);
  return parseRows(await problemRows(page));
}

/** A row matching an expected finding: in its file, at its position, naming both values, from factdesk. */
function matches(row, e, range) {
  const file = e.draft.split('/').pop();
  return (
    (row.file ?? '').startsWith(file) &&
    row.line === range.start.line + 1 &&
    row.col === range.start.character + 1 &&
    row.message.includes(e.expected) &&
    row.source === 'factdesk' &&
    row.code === e.code
  );
}

/** Takes the keyboard focus out of a webview (a Markdown preview swallows shortcuts) back to the workbench. */
async function focusWorkbench(page) {
  await page.locator('.part.sidebar .composite.title').first().click({ position: { x: 60, y: 10 } });
}

async function quickOpen(page, name) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(name);
  await poll(`quick open to offer ${name} first`, async (seen) => {
    const value = await input.inputValue();
    const focused = await page.locator('.quick-input-list .monaco-list-row.focused').innerText().catch(() => '');
    seen({ value, focused });
    return value === name && focused.split('\n')[0].trim().startsWith(name);
  });
  await page.keyboard.press('Enter');
  await poll(`the editor tab of ${name}`, async (seen) => {
    const tab = await page.locator('.tabs-container .tab.active').innerText().catch(() => '');
    seen(tab);
    return tab.includes(name);
  });
}

async function runCommand(page, title) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await poll(`the command palette to offer "${title}"`, async (seen) => {
    const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    seen(rows);
    return rows.length > 0 && rows[0].split('\n')[0].trim() === title;
  });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** The active editor's text as drawn (view lines joined; word-wrapped lines come back as one line each). */
async function editorText(page) {
  return page.$eval('.editor-group-container.active .editor-instance .monaco-editor .view-lines', (el) => el.innerText.replace(/\u00a0/g, ' '));
}

/** Screen box of a text in the active editor's view lines (first occurrence), via a DOM Range. */
async function textBox(page, needle) {
  return page.evaluate((needle) => {
    const root = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor .view-lines');
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // text is split over spans (tokens, decorations): walk the nodes, joining them line by line
    const lines = [...root.querySelectorAll('.view-line')];
    for (const line of lines) {
      const nodes = [];
      const w = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let n;
      while ((n = w.nextNode())) nodes.push(n);
      const text = nodes.map((x) => x.data.replace(/\u00a0/g, ' ')).join('');
      const at = text.indexOf(needle);
      if (at < 0) continue;
      const locate = (offset) => {
        let rest = offset;
        for (const x of nodes) {
          if (rest <= x.data.length) return [x, rest];
          rest -= x.data.length;
        }
        return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + needle.length));
      const b = range.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }
    void walker;
    return null;
  }, needle);
}

async function squiggles(page) {
  return page.$$eval('.editor-group-container.active .monaco-editor .view-overlays [class*="squiggly-"]', (els) =>
    els.map((e) => {
      const b = e.getBoundingClientRect();
      return { cls: e.className, x: b.x, y: b.y, width: b.width, height: b.height };
    }),
  );
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < Math.max(a.height, b.height);
}

async function shot(page, out, name) {
  const p = join(out, name);
  await page.screenshot({ path: p });
  log(`screenshot ${p}`);
}

export async function runUi({ page, baseUrl, ws, out }) {
  const steps = [];
  const step = async (name, fn) => {
    const started = Date.now();
    log(`UI: ${name}`);
    await fn();
    steps.push({ name, ms: Date.now() - started });
  };
  const london = EXPECTED.filter((e) => e.draft === 'drafts/london.md');

  await step('open the workspace', async () => {
    await page.goto(`${baseUrl}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
  });

  await step('open drafts/london.md; the Problems panel lists its findings at their positions', async () => {
    await quickOpen(page, 'london.md');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: TIMEOUT });
    await openProblems(page);
    await poll('the Problems panel to list the findings of london.md', async (seen) => {
      const rows = await findingRows(page);
      seen(rows.map((r) => `${r.file} | ${r.message} | ${r.source} | ${r.code} | ${r.line}:${r.col}`));
      const ours = rows.filter((r) => (r.file ?? '').startsWith('london.md'));
      return london.every((e) => ours.some((r) => matches(r, e, expectedRange(ws, e)))) && ours.length === london.length;
    });
    // each finding carries its seed evidence (related information: the seed file and its sentence)
    const rows = (await findingRows(page)).filter((r) => (r.file ?? '').startsWith('london.md'));
    for (const r of rows)
      if (!r.related.some((x) => x.includes(SEED_FILE) && x.includes('The seed says')))
        throw new Error(`the ${r.code} finding shows no seed evidence: ${JSON.stringify(r.related)}`);
  });

  await step('squiggles are drawn under the flagged spans', async () => {
    await page.locator('.editor-group-container.active .editor-instance').click({ position: { x: 5, y: 5 } }).catch(() => {});
    for (const e of london) {
      await poll(`a squiggle under "${e.text}"`, async (seen) => {
        const box = await textBox(page, e.text);
        const sq = await squiggles(page);
        seen({ box, squiggles: sq });
        return box && sq.some((s) => overlaps(s, box));
      });
    }
  });
  await shot(page, out, '01-diagnostics.png');

  await step('hover a flagged span: the hover quotes the seed', async () => {
    const e = london[0];
    const box = await textBox(page, e.text);
    const quote = 'British Foreign Secretary David Cameron';
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)');
    let polls = 0;
    await poll('the hover to show the seed evidence', async (seen) => {
      const texts = await hover.allInnerTexts().catch(() => []);
      seen(texts);
      if (!texts.length && ++polls % 20 === 0) {
        // no hover after ~3 s (a busy machine can miss the pointer's arrival): move away and back
        await page.mouse.move(5, 5);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      }
      const t = texts.join('\n');
      return t.includes(quote) && t.includes(e.expected) && t.includes(SEED_FILE);
    });
  });
  await shot(page, out, '02-hover.png');

  await step('apply the quick fix: the text changes and the finding goes', async () => {
    const e = london[0];
    const title = `Replace with “${e.expected}”`;
    // Put the cursor in the flagged span and open the code action menu (Ctrl+.). On a busy machine the
    // first click can land while the hover is still fading or before the editor has the focus, and then
    // no menu opens: the poll below opens it again (Escape, click, Ctrl+.) until the menu shows.
    const openMenu = async () => {
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      const box = await textBox(page, e.text);
      if (!box) return;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
    };
    await openMenu();
    // the code action menu: move the focus to our fix with the keyboard and apply it with Enter
    // (a pointer block over the menu swallows clicks right after it opens)
    let polls = 0;
    await poll(`the quick fix "${title}" to be focused`, async (seen) => {
      const all = await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => []);
      const focused = await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '');
      seen({ all, focused, polls });
      if (!all.length) {
        if (++polls % 20 === 0) {
          log('UI: no code action menu after ~3 s; opening it again');
          await openMenu();
        }
        return false;
      }
      if (!all.some((t) => t.includes(title))) return false;
      if (focused.includes(title)) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    });
    await page.keyboard.press('Enter');
    await poll('the draft to read "Foreign Secretary David Cameron"', async (seen) => {
      const t = await editorText(page);
      seen(t);
      return t.includes(`British ${e.expected} David Cameron`) && !t.includes(`British ${e.text}`);
    });
    await poll(`the ${e.code} finding to leave the Problems panel`, async (seen) => {
      const rows = (await findingRows(page)).filter((r) => (r.file ?? '').startsWith('london.md'));
      seen(rows.map((r) => r.text));
      return rows.length === london.length - 1 && !rows.some((r) => r.code === e.code) && london.slice(1).every((x) => rows.some((r) => r.code === x.code));
    });
    await page.keyboard.press('Control+S');
  });

  await step('"FactDesk: Check All Drafts in Workspace" lists the findings of drafts that are not open', async () => {
    const others = EXPECTED.filter((e) => e.draft !== 'drafts/london.md');
    const before = await findingRows(page);
    for (const e of others)
      if (before.some((r) => matches(r, e, expectedRange(ws, e)))) throw new Error(`${e.draft} is listed before the workspace check ran`);
    await runCommand(page, 'FactDesk: Check All Drafts in Workspace');
    await poll('the Problems panel to list the findings of the drafts that are not open', async (seen) => {
      const rows = await findingRows(page);
      seen(rows.map((r) => `${r.file} | ${r.message} | ${r.source} | ${r.code} | ${r.line}:${r.col}`));
      return others.every((e) => rows.some((r) => matches(r, e, expectedRange(ws, e)))) && !rows.some((r) => (r.file ?? '').startsWith('clean.md'));
    });
    // the command's own report: a notification giving the number of findings the Problems panel lists
    const total = (await findingRows(page)).filter((r) => r.source === 'factdesk').length;
    await poll(`a FactDesk notification reporting ${total} findings`, async (seen) => {
      const toasts = await page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts().catch(() => []);
      seen(toasts);
      return toasts.some((t) => t.includes('FactDesk') && new RegExp(`\\b${total} findings?\\b`).test(t));
    });
  });

  await step('"FactDesk: Show Fact Base" shows what the seeds say', async () => {
    await runCommand(page, 'FactDesk: Show Fact Base');
    const want = ['FactDesk fact base', 'Hakan Fidan', 'David Cameron', 'Foreign Secretary', SEED_FILE];
    await poll('the fact base to be shown', async (seen) => {
      // an editor (Markdown source) or a preview (a webview frame): read whichever shows it
      const texts = [await editorText(page).catch(() => '')];
      for (const f of page.frames()) if (f !== page.mainFrame()) texts.push(await f.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
      const t = texts.join('\n');
      seen(want.filter((w) => !t.includes(w)).map((w) => `missing: ${w}`));
      return want.every((w) => t.includes(w));
    });
  });
  await shot(page, out, '03-fact-base.png');

  await step('edit the seed: a draft finding goes, another comes', async () => {
    await quickOpen(page, SEED_FILE);
    let text = readFileSync(join(ws, 'seeds', SEED_FILE), 'utf8');
    for (const ed of [SEED_EDIT.fixes, SEED_EDIT.breaks]) {
      // go to the text (quick open ":line:column"), select it with the keyboard, type over it
      const at = positionOf(text, ed.find);
      text = text.replace(ed.find, ed.replace);
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(`:${at.line + 1}:${at.character + 1}`);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
      await poll(`the cursor at ${at.line + 1}:${at.character + 1}`, async (seen) => {
        const st = await page.locator('[id="status.editor.selection"]').innerText().catch(() => '');
        seen(st);
        return st.includes(`Ln ${at.line + 1}, Col ${at.character + 1}`);
      });
      for (let i = 0; i < ed.find.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type(ed.replace);
      await poll(`the seed to read "${ed.replace}"`, async (seen) => {
        const t = await editorText(page);
        seen(t.slice(0, 300));
        return t.includes(ed.replace) && !t.includes(ed.find);
      });
    }
    await page.keyboard.press('Control+S');
    await poll('the seed to be saved', async () => !(await page.locator('.tabs-container .tab.active.dirty').count()));
    const b = SEED_EDIT.breaks;
    await poll(`london.md to lose its ${SEED_EDIT.fixes.gone} finding and gain a ${b.code} finding for "${b.text}"`, async (seen) => {
      const rows = (await findingRows(page)).filter((r) => (r.file ?? '').startsWith('london.md'));
      seen(rows.map((r) => r.text.replace(/\n/g, ' | ')));
      return !rows.some((r) => r.code === SEED_EDIT.fixes.gone) && rows.some((r) => matches(r, b, expectedRange(ws, b)));
    });
    await quickOpen(page, 'london.md');
    const box = await poll(`the text "${b.text}" in the draft`, () => textBox(page, b.text));
    await poll(`a squiggle under "${b.text}"`, async (seen) => {
      const sq = await squiggles(page);
      seen(sq);
      return sq.some((s) => overlaps(s, box));
    });
  });
  await shot(page, out, '04-after-seed-edit.png');
  // the drafts on disk: only the quick fix the user applied changed london.md
  const saved = readFileSync(join(ws, 'drafts', 'london.md'), 'utf8');
  if (!saved.includes('British Foreign Secretary David Cameron')) throw new Error('the quick fix was not saved to london.md');
  return steps;
}
