import { Compiler, Story } from 'inkjs/full';
import { describe, expect, it } from 'vitest';
import { largeDrill } from '../scripts/bench-drill';
import { namesFile, preloadedHrefs } from '../scripts/bench-first-load';
import { InkLoads, InkWalk, inkStoryOf, OurWalk } from '../scripts/bench-ink';
import { formatTable, measured, notMeasured } from '../scripts/bench-table';

describe('the inkjs peer (scripts/bench-ink.ts)', () => {
  const drill = largeDrill(300);
  const source = inkStoryOf(drill);
  const decisions = drill.nodes.flatMap((n) => (n.kind === 'decision' ? [n] : []));

  it('writes a knot for every node and a choice for every choice, conditions included', () => {
    expect(source.match(/^=== \w+ ===$/gm)).toHaveLength(drill.nodes.length);
    expect(source.match(/^\+ /gm)).toHaveLength(decisions.reduce((n, d) => n + d.choices.length, 0));
    const conditional = decisions.reduce((n, d) => n + d.choices.filter((c) => c.when).length, 0);
    expect(conditional).toBeGreaterThan(0);
    expect(source.match(/^\+ \{/gm)).toHaveLength(conditional);
    // Every choice moves the clock, a variable ink's conditions read.
    expect(source.match(/^ {2}~ minutes \+= \d+$/gm)).toHaveLength(source.match(/^\+ /gm)?.length ?? -1);
  });

  it('gives a story inkjs compiles, which goes the way our engine goes under the same picks', () => {
    const compiler = new Compiler(source);
    const json = compiler.Compile().ToJson() as string;
    expect(compiler.errors).toEqual([]);
    const ours = new OurWalk(drill);
    const ink = new InkWalk(new Story(json));
    for (let i = 0; i < 400; i++) {
      ours.step();
      ink.step();
    }
    expect(ink.titles).toEqual(ours.titles);
    // The walk started again at an ending at least once: the loop both sides take.
    expect(ours.titles.some((t) => t.startsWith('结局'))).toBe(true);
    // Compiling 300 knots takes seconds on a busy machine: a bound against hanging, not a timing.
  }, 60_000);

  it('loads the story in a worker thread of this process, and hands back each load’s time', async () => {
    const json = new Compiler('Hello.\n+ [Go] -> END\n').Compile().ToJson() as string;
    const loads = new InkLoads(json);
    try {
      const times = [loads.load(), loads.load()];
      for (const t of times) expect(t).toBeGreaterThan(0);
    } finally {
      await loads.close();
    }
    // A story the worker cannot load says so, rather than leaving the bench waiting.
    const broken = new InkLoads('{');
    try {
      expect(() => broken.load()).toThrow();
    } finally {
      await broken.close();
    }
  });
});

describe('the table (scripts/bench-table.ts)', () => {
  const row = { name: 'm', unit: 'ms', target: { text: '≤ 10 ms', max: 10 }, peer: null };

  it('holds a row within its target and every extra condition, and says ✓, ✗ or – for each', () => {
    const within = measured({ ...row, value: 9 });
    const over = measured({ ...row, value: 11 });
    const failsExtra = measured({ ...row, value: 9, extra: [false] });
    const absent = notMeasured(row, 'no Chromium');
    expect([within.holds, over.holds, failsExtra.holds, absent.holds]).toEqual([true, false, false, null]);
    const lines = formatTable([within, over, absent]).split('\n');
    expect(lines[2]).toMatch(/✓$/);
    expect(lines[3]).toMatch(/✗$/);
    expect(lines[4]).toMatch(/not measured \(no Chromium\).*–$/);
  });
});

describe('the drill content preloaded (scripts/bench-first-load.ts)', () => {
  it('finds a modulepreload or preload of the drill chunk in the built index.html, however its href is written', () => {
    const html =
      '<link rel="icon" href="x.svg"><link rel="modulepreload" crossorigin href="./assets/shipped-drills-abc.js">' +
      "<link href='/assets/a.css' rel=preload as=style>";
    expect(preloadedHrefs(html)).toEqual(['./assets/shipped-drills-abc.js', '/assets/a.css']);
    expect(namesFile('./assets/shipped-drills-abc.js', 'assets/shipped-drills-abc.js')).toBe(true);
    expect(namesFile('/assets/shipped-drills-abc.js?v=1', 'assets/shipped-drills-abc.js')).toBe(true);
    expect(namesFile('./assets/index-abc.js', 'assets/shipped-drills-abc.js')).toBe(false);
  });
});

describe("the app's screens alone (scripts/bench-browser.ts)", () => {
  it('shows one column, and its button shows the next as the app does: the last hidden, focus moved a frame later', async () => {
    const { JSDOM } = await import('jsdom');
    const { swapPage } = await import('../scripts/bench-browser');
    const columns = [
      '<main class="decision-main"><h1>一</h1></main>',
      '<main class="decision-main"><h1>二</h1></main>',
    ];
    const page = new JSDOM(swapPage('h1 { color: red }', columns), {
      runScripts: 'dangerously',
      pretendToBeVisual: true,
    });
    const { document } = page.window;
    const shown = () =>
      [...document.querySelectorAll('.swap-column')].filter((c) => page.window.getComputedStyle(c).display !== 'none');
    const headings = () => shown().map((c) => c.querySelector('h1')?.textContent);
    const button = () => {
      const found = shown()[0]?.querySelector<HTMLButtonElement>('.swap-next');
      if (!found) throw new Error('no column shown with its button');
      return found;
    };
    expect(headings()).toEqual(['一']);
    expect(page.window.getComputedStyle(document.querySelector('h1') as Element).color).toBe('rgb(255, 0, 0)');

    const pressed = button();
    pressed.focus();
    pressed.click();
    expect(headings()).toEqual(['二']);
    // Focus moves in the next frame, not in the click.
    expect(document.activeElement).toBe(pressed);
    await new Promise((done) => page.window.requestAnimationFrame(done));
    expect(document.activeElement).toBe(button());
    // Round and round: after the last column, the first again.
    button().click();
    expect(headings()).toEqual(['一']);
    page.window.close();
  });

  it('copies the column shown, without the columns drawn ahead, the copies drawn unseen, or what is hidden in it', async () => {
    const { JSDOM } = await import('jsdom');
    const { shownColumn } = await import('../scripts/bench-browser');
    const page = new JSDOM(
      '<main class="decision-main">' +
        '<div class="consequence-column" inert><h1>一份看不见的副本</h1></div>' +
        '<div class="decision-column" style="display: none !important;"><h1>提前画好的下一个决定</h1></div>' +
        '<div class="consequence-column"><h1 id="h-1">眼前这一屏</h1><p>正文</p>' +
        '<div style="display: none !important;">藏着的</div></div>' +
        '</main>',
      { runScripts: 'outside-only' },
    );
    const { window } = page;
    // What Chromium's checkVisibility says of these: hidden when its own display is none.
    window.eval('Element.prototype.checkVisibility = function () { return this.style.display !== "none"; }');
    const copy = window.eval(`(${shownColumn.toString()})()`) as string;
    page.window.close();
    expect(copy).toBe(
      '<main class="decision-main"><div class="consequence-column"><h1>眼前这一屏</h1><p>正文</p></div></main>',
    );
  });
});
