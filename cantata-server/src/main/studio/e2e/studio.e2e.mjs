// The studio's end-to-end test: Debian's headless Chromium, driven by Playwright, against a live Cantata server.
// It makes a short song and watches its progress reach done, plays it and watches the highlighted word move, solos a
// stem and measures that only it sounds, regenerates a region and finds the new version in the history (sample-
// identical outside the region), speaks with streaming playback, clones a voice and deletes it, and deletes a song.
// Playwright gives the browser a fresh profile of its own each run. Throughout: zero console errors, and no request to any host but the server. Screenshots of each screen (desktop
// and phone size) go to SCREENSHOTS when it is set.
//
//   CANTATA_URL=http://127.0.0.1:8801 CHROMIUM=/usr/bin/chromium [SCREENSHOTS=docs/studio] node e2e/studio.e2e.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// axe-core (Deque's accessibility rules engine, from npm) is put into the page by the test itself, so it is no request
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const base = process.env.CANTATA_URL;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = process.env.SCREENSHOTS;
if (!base) {
  console.error('CANTATA_URL is not set');
  process.exit(2);
}
const origin = new URL(base).origin;
const problems = [];
const outside = [];
const steps = [];
const started = Date.now();

function step(name) {
  steps.push(`${((Date.now() - started) / 1000).toFixed(1)} s  ${name}`);
  console.log(steps.at(-1));
}

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  ],
});

/**
 * Runs axe-core's WCAG 2.1 A and AA rules over what the page shows now; any violation of serious or critical impact
 * fails the test, naming the rule and the elements. Returns the number of rules that passed.
 */
async function audit(page, screen) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      passes: r.passes.length,
      violations: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
    };
  });
  check(result.violations.length === 0, `no serious accessibility violation on ${screen}: ${result.violations.join(' | ')}`);
  audits.push(`${screen}: ${result.passes} rules pass`);
  return result.passes;
}
const audits = [];

async function screenshot(page, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

let page;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['microphone'], { origin });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => d.accept());
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });

  // ------------------------------------------------------------ the page, and the JSON other clients still get
  const response = await page.goto(`${base}/`);
  check(response.status() === 200 && response.headers()['content-type'].includes('text/html'), 'GET / answers a browser with HTML');
  await page.waitForFunction(() => window.cantataStudio);
  const plain = await page.evaluate(async () => (await fetch('/', { headers: { Accept: '*/*' } })).json());
  check(plain.name === 'Cantata' && plain.docs === '/docs', 'GET / with Accept */* is still the JSON');
  step('studio loaded');

  // ------------------------------------------------------------ make a song: the style field, then progress to done
  await page.fill('#lyrics', '[Verse]\nSun on the water\nSing it with me\n[Chorus]\nHold on to the light');
  await page.click('#style');
  await page.keyboard.type('melanch');
  await page.waitForSelector('#style-suggest [role="option"]');
  const offered = await page.textContent('#style-suggest');
  check(offered.includes('melancholic'), `the style field offers "melancholic" (got ${offered})`);
  await page.keyboard.press('Enter');
  await page.keyboard.type('pop, zorbly');
  await page.waitForSelector('#style-words .chip.unknown');
  check((await page.textContent('#style-words .chip.unknown')).includes('zorbly'), 'an unknown style word is shown');
  await page.fill('#title', 'Sun on the Water');
  await page.fill('#length', '30'); // 30 s at 100 bpm holds the three lines after a 4-bar intro
  // a reference recording: a click on every beat at 100 bpm, uploaded as a file; the song follows its tempo
  const clicks = (() => {
    const rate = 22050;
    const n = rate * 12;
    const data = Buffer.alloc(44 + n * 2);
    data.write('RIFF', 0); data.writeUInt32LE(36 + n * 2, 4); data.write('WAVEfmt ', 8);
    data.writeUInt32LE(16, 16); data.writeUInt16LE(1, 20); data.writeUInt16LE(1, 22);
    data.writeUInt32LE(rate, 24); data.writeUInt32LE(rate * 2, 28); data.writeUInt16LE(2, 32); data.writeUInt16LE(16, 34);
    data.write('data', 36); data.writeUInt32LE(n * 2, 40);
    for (let beat = 0; beat * 0.6 < 12; beat++) {
      const at = Math.round(beat * 0.6 * rate);
      for (let i = 0; i < 400 && at + i < n; i++) {
        data.writeInt16LE(Math.round(26000 * Math.sin((2 * Math.PI * 1000 * i) / rate) * Math.exp(-i / 80)), 44 + (at + i) * 2);
      }
    }
    return data;
  })();
  // dropped onto the drop zone as a file dragged from the desktop would be (the clone below takes a chosen file)
  await page.evaluate((bytes) => {
    const dragged = new DataTransfer();
    dragged.items.add(new File([new Uint8Array(bytes)], 'clicks-100bpm.wav', { type: 'audio/wav' }));
    const zone = document.getElementById('drop-reference');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dragged, bubbles: true, cancelable: true }));
    }
  }, Array.from(clicks));
  check((await page.textContent('#reference-name')).includes('clicks-100bpm.wav'), 'the dropped reference recording is taken');
  await page.fill('#seed', '3');
  await audit(page, 'make');
  await screenshot(page, 'make');
  await page.click('#make');
  const stages = new Set();
  const deadline = Date.now() + 240_000;
  for (;;) {
    const jobs = await page.$$eval('#queue .job', (items) => items.map((i) => ({ state: i.dataset.state, stage: i.querySelector('.stage').textContent })));
    jobs.forEach((j) => stages.add(j.stage));
    if (jobs.length === 2 && jobs.every((j) => j.state === 'done')) break;
    check(!jobs.some((j) => j.state === 'error'), `no take fails (${JSON.stringify(jobs)})`);
    check(Date.now() < deadline, 'both takes are done within 4 minutes');
    if (stages.size === 3) {
      await page.locator('#queue').scrollIntoViewIfNeeded();
      await screenshot(page, 'make-progress');
    }
    await page.waitForTimeout(250);
  }
  // the composer times plain lyrics as LRC (the form's lyrics are free to change once the song is queued)
  await page.click('#to-lrc');
  await page.waitForFunction(() => /Timed by the composer/.test(document.getElementById('lrc-note').textContent));
  const lrc = await page.inputValue('#lyrics');
  check(/^\[00:\d\d\.\d\d\]Sun on the water\n\[00:\d\d\.\d\d\]Sing it with me/.test(lrc), `the lyrics come back as a timed LRC (${lrc})`);
  const seen = [...stages];
  check(seen.some((s) => /queued/.test(s)), `a take was seen queued with its place (${seen})`);
  check(seen.some((s) => /composing|singing|syllables|mixing|master|arrang|band|instrument/i.test(s)), `an engine stage was seen (${seen})`);
  step(`song made; stages seen: ${seen.join(' | ')}`);

  // ------------------------------------------------------------ hear it: waveform, sections, karaoke
  await page.waitForSelector('#song:not([hidden]) #karaoke .word');
  await page.waitForSelector('#sections button');
  await page.waitForFunction(() => /bpm/.test(document.getElementById('song-facts').textContent));
  const facts = await page.textContent('#song-facts');
  check(/\b(9[7-9]|10[0-3])(\.\d+)? bpm/.test(facts), `the song follows the reference's 100 bpm (${facts})`);
  const words = await page.$$eval('#karaoke .word', (w) => w.map((x) => x.textContent));
  check(words.join(' ').toLowerCase().includes('water'), `the lyrics are shown word by word (${words.join(' ')})`);
  const firstStart = Number(await page.getAttribute('#karaoke .word', 'data-start'));
  await page.evaluate((t) => window.cantataStudio.player.seek(Math.max(0, t - 0.3)), firstStart);
  await page.click('#play');
  const nowWords = [];
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(150);
    const now = await page.$$eval('#karaoke .word', (w) => w.findIndex((x) => x.classList.contains('now')));
    if (now >= 0 && nowWords.at(-1) !== now) nowWords.push(now);
  }
  check(nowWords.length >= 2 && nowWords.at(-1) > nowWords[0], `the highlighted word moves on (${nowWords})`);
  await screenshot(page, 'player');
  step(`played (${facts}): highlighted words ${nowWords.join(' → ')}`);

  // ------------------------------------------------------------ the stem mixer: solo the vocals
  await page.click('#stems-load');
  await page.waitForSelector('#mixer-rows .stem');
  const stems = await page.$$eval('#mixer-rows .stem', (s) => s.map((x) => x.dataset.stem));
  check(['vocals', 'drums', 'bass', 'other'].every((s) => stems.includes(s)), `the stems are listed (${stems})`);
  await page.click('#mixer-rows .stem[data-stem="vocals"] button[aria-label="Solo vocals"]');
  await page.evaluate((t) => window.cantataStudio.player.seek(t), firstStart + 0.2);
  if (!(await page.evaluate(() => window.cantataStudio.player.wave.isPlaying()))) await page.click('#play');
  await page.waitForTimeout(400);
  const levels = await page.evaluate(() => window.cantataStudio.player.mixer.levels());
  check(levels.vocals > 0.001, `the soloed vocals sound (${JSON.stringify(levels)})`);
  check(Object.entries(levels).every(([s, v]) => s === 'vocals' || v === 0), `only the soloed stem sounds (${JSON.stringify(levels)})`);
  await screenshot(page, 'mixer');
  await page.click('#play'); // pause
  step(`solo: ${JSON.stringify(levels)}`);

  // ------------------------------------------------------------ edit a region; the new version is in the history
  await page.locator('#wave').scrollIntoViewIfNeeded();
  const box = await page.locator('#wave').boundingBox();
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height / 2);
  await page.mouse.down();
  // headless Chromium reports a coarse pointer, for which wavesurfer waits 100 ms before a press becomes a drag
  await page.waitForTimeout(150);
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForSelector('#edit-form');
  await page.fill('#edit-lyrics', 'A brand new line');
  await page.click('#edit-go');
  await page.waitForFunction(() => window.cantataStudio.player.editor.lastComparison
    && window.cantataStudio.player.version?.clip?.history?.[0]?.type === 'replace'
    && [...document.querySelectorAll('#versions option')].some((o) => o.textContent.includes('sung anew')), null, { timeout: 120_000 })
    .catch(async (e) => { throw new Error(`the edit did not finish: ${await page.textContent('#status')} ${e.message}`); });
  const comparison = await page.evaluate(() => window.cantataStudio.player.editor.lastComparison);
  check(comparison.first > 0 && comparison.last < comparison.frames - 1, `the edit kept the start and the end (${JSON.stringify(comparison)})`);
  check(comparison.first / comparison.rate >= comparison.start - 1 && comparison.last / comparison.rate <= comparison.end + 1,
    `the samples differ only around the region (${JSON.stringify(comparison)})`);
  const versions = await page.$$eval('#versions option', (o) => o.map((x) => x.textContent));
  check(versions.length >= 2 && versions.some((v) => v.includes('sung anew')), `the history lists the edit (${versions})`);
  // the edit is a clip of its own: its words are the new line, and it has the stems and MIDI of a song
  const edited = await page.evaluate(() => window.cantataStudio.player.version.clip);
  check(edited.history?.[0]?.type === 'replace' && edited.midi_url, `the edit is a song clip with its history (${JSON.stringify(edited.history)})`);
  await page.waitForFunction(() => [...document.querySelectorAll('#karaoke .word')].some((w) => /brand/i.test(w.textContent)));
  await audit(page, 'player');
  await page.click('#ab');
  await page.waitForFunction(() => document.getElementById('ab').textContent.includes('back'));
  await screenshot(page, 'history');
  step(`edit: ${versions.join(' / ')}`);

  // ------------------------------------------------------------ a variation and an extension join the history
  const versionsBefore = versions.length;
  await page.click('#variation');
  await page.evaluate(() => window.cantataStudio.player.seek(12));
  await page.click('#extend');
  await page.fill('#extend-lyrics', '[Verse]\nAnd on it goes');
  await page.click('#extend-form button[type="submit"]');
  await page.waitForFunction(() => {
    const jobs = [...document.querySelectorAll('#queue .job')];
    // two takes of the song, two of the region edit, two variations, two extensions
    return jobs.length === 8 && jobs.every((j) => j.dataset.state === 'done');
  }, null, { timeout: 180_000 });
  await page.waitForFunction((n) => document.querySelectorAll('#versions option').length >= n + 4, versionsBefore, { timeout: 30_000 });
  const grown = await page.$$eval('#versions option', (o) => o.map((x) => x.textContent));
  step(`variation and extension: ${grown.length} versions`);

  // ------------------------------------------------------------ the history is the server's: another browser sees it
  const songId = await page.evaluate(() => window.cantataStudio.player.version.id);
  const elsewhere = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const second = await elsewhere.newPage();
  second.on('console', (m) => { if (m.type() === 'error') problems.push(`second browser console: ${m.text()}`); });
  second.on('pageerror', (e) => problems.push(`second browser page error: ${e.message}`));
  await second.goto(`${base}/#library`);
  await second.waitForFunction(() => window.cantataStudio);
  await second.evaluate((id) => window.cantataStudio.player.show(id), songId);
  await second.waitForFunction((n) => document.querySelectorAll('#versions option').length === n, grown.length, { timeout: 30_000 })
    .catch(async () => { throw new Error(`another browser lists ${await second.$$eval('#versions option', (o) => o.length)} versions, not ${grown.length}`); });
  await elsewhere.close();
  step(`another browser lists the same ${grown.length} versions`);

  // ------------------------------------------------------------ speak, streamed
  await page.click('.tab[data-tab="speak"]');
  await page.waitForSelector('#voice option', { state: 'attached' });
  await page.fill('#speak-text', 'The first sentence starts playing at once. The second one is still being made. '
    + 'A third follows it. Then comes a fourth. The fifth is on its way. A sixth sentence waits its turn. '
    + 'The seventh is nearly the last. And this is the eighth.');
  await page.click('#speak');
  await page.waitForFunction(() => window.cantataStudio.speak.stats, null, { timeout: 60_000 });
  const stats = await page.evaluate(() => window.cantataStudio.speak.stats);
  // eight sentences take a second or two to make: the first must sound in the first half of that
  check(stats.seconds > 8 && stats.firstAudioMs * 2 < stats.totalMs, `playback starts well before the whole text is made (${JSON.stringify(stats)})`);
  step(`speak: ${JSON.stringify(stats)}`);
  await audit(page, 'speak');

  // ------------------------------------------------------------ clone a voice, save it, play it, delete it
  const wav = await page.evaluate(async () => {
    const r = await fetch('/v1/audio/speech', { method: 'POST', body: JSON.stringify({ model: 'tts-1', input: 'This is my own voice, recorded for a test of the studio, long enough to be heard well.', voice: 'male', response_format: 'wav' }) });
    return Array.from(new Uint8Array(await r.arrayBuffer()));
  });
  // the microphone (Chromium's fake device) records through MediaRecorder
  await page.click('#record');
  await page.waitForTimeout(1500);
  await page.click('#record');
  await page.waitForFunction(() => /microphone recording \(\d+ KB\)/.test(document.getElementById('clone-file-name').textContent));
  // then a file chosen through the "choose a file" button (the reference above was dropped)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#clone-choose')]);
  await chooser.setFiles({ name: 'me.wav', mimeType: 'audio/wav', buffer: Buffer.from(wav) });
  await page.waitForFunction(() => document.getElementById('clone-file-name').textContent.includes('me.wav'));
  await page.fill('#clone-name', 'Studio Test Voice');
  await page.click('#clone-save');
  await page.waitForSelector('#speakers li[data-speaker="Studio Test Voice"]', { timeout: 60_000 });
  await page.click('#clone-try');
  await page.waitForFunction(() => /Playing/.test(document.getElementById('clone-note').textContent), null, { timeout: 60_000 });
  await page.click('#speakers li[data-speaker="Studio Test Voice"] button:has-text("Play a sample")');
  await page.waitForFunction(() => /Spoken/.test(document.getElementById('speak-note').textContent), null, { timeout: 60_000 });
  await screenshot(page, 'speak');
  await page.click('#speakers li[data-speaker="Studio Test Voice"] button[aria-label^="Delete"]');
  await page.waitForSelector('#speakers li[data-speaker="Studio Test Voice"]', { state: 'detached' });
  step('cloned, played and deleted a speaker');

  // ------------------------------------------------------------ the library: search, delete a song
  await page.click('.tab[data-tab="library"]');
  await page.waitForSelector('#library .tile');
  const before = await page.$$eval('#library .tile', (t) => t.map((x) => x.dataset.clip));
  check(before.length >= 2, `the library lists both takes (${before.length})`);
  await page.fill('#search', 'no such song anywhere');
  check((await page.$$('#library .tile')).length === 0, 'a search that matches nothing shows nothing');
  await page.fill('#search', 'sun on the');
  check((await page.$$('#library .tile')).length === before.length, 'a search by title finds the songs');
  await audit(page, 'library');
  await screenshot(page, 'library');
  const victim = before[before.length - 1];
  await page.click(`#library .tile[data-clip="${victim}"] button[aria-label^="Delete"]`);
  await page.waitForSelector(`#library .tile[data-clip="${victim}"]`, { state: 'detached' });
  const gone = await page.evaluate(async (id) => (await (await fetch(`/api/get?ids=${id}`)).json()).length, victim);
  check(gone === 0, 'the deleted song is gone from the server');
  step('deleted a song from the library');

  // ------------------------------------------------------------ phone size
  if (shots) {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    small.on('console', (m) => { if (m.type() === 'error') problems.push(`phone console: ${m.text()}`); });
    await small.goto(`${base}/#make`);
    await small.waitForFunction(() => window.cantataStudio);
    await small.fill('#lyrics', '[Verse]\nA very long title line that goes on and on to see that nothing breaks on a phone screen at all');
    await screenshot(small, 'phone-make');
    await small.goto(`${base}/#library`);
    await small.waitForSelector('#library .tile');
    await small.locator('#library .tile button:has-text("Open")').first().click();
    await small.waitForSelector('#song:not([hidden]) #karaoke .word');
    await small.locator('#song').scrollIntoViewIfNeeded();
    await screenshot(small, 'phone-player');
    await phone.close();
  }

  check(problems.length === 0, `no console errors (${problems.join(' | ')})`);
  check(outside.length === 0, `no request leaves the server (${outside.join(', ')})`);
  step(`accessibility (axe-core ${await page.evaluate(() => window.axe?.version)}, WCAG 2.1 AA): ${audits.join('; ')}`);
  step('all checks passed');
} catch (e) {
  console.error(e.stack || String(e));
  if (page) {
    console.error(`status line: ${await page.textContent('#status').catch(() => '?')}`);
    if (shots) await screenshot(page, 'failure').catch(() => {});
  }
  if (problems.length) console.error(`console errors: ${problems.join(' | ')}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
