// An X-like virtualized timeline: 30 posts mounted in a ring, each recycled with the next post's
// content as it leaves the top; window.scrollFeed(seconds) scrolls 60 posts a second. One post in
// 20 mentions #MeToo. Built with createElement and textContent only.
(function () {
  const POST_HEIGHT = 96;
  const MOUNTED = 30;
  const TOTAL = 4000;
  const PER_SECOND = 60;
  const WORDS =
    'the a of and to in is it that for on with as was at by this from be have or an'.split(' ');
  const feed = document.createElement('div');
  feed.id = 'feed';
  feed.style.cssText = `position:relative;height:${TOTAL * POST_HEIGHT}px;max-width:600px;margin:0 auto`;
  document.body.appendChild(feed);
  function fill(cell, index) {
    cell.style.transform = `translateY(${index * POST_HEIGHT}px)`;
    const name = document.createElement('div');
    name.textContent = `User ${index % 97} @user${index % 97}`;
    const text = document.createElement('div');
    text.setAttribute('data-testid', 'tweetText');
    const words = [];
    for (let i = 0; i < 18; i++) words.push(WORDS[(index * 7 + i * 3) % WORDS.length]);
    text.append(`${words.join(' ')} `);
    if (index % 20 === 0) {
      const tag = document.createElement('a');
      tag.href = '/hashtag/MeToo';
      tag.textContent = '#MeToo';
      text.append(tag, ' still.');
    }
    const meta = document.createElement('div');
    const time = document.createElement('time');
    time.textContent = `${(index % 59) + 1}m`;
    meta.append(time, ` · ${index % 300} likes`);
    cell.replaceChildren(name, text, meta);
  }
  const cells = [];
  for (let i = 0; i < MOUNTED; i++) {
    const cell = document.createElement('article');
    cell.style.cssText = `position:absolute;left:0;right:0;top:0;height:${POST_HEIGHT - 17}px;overflow:hidden`;
    fill(cell, i);
    feed.appendChild(cell);
    cells.push(cell);
  }
  let first = 0;
  function layout() {
    const wanted = Math.max(0, Math.floor(scrollY / POST_HEIGHT) - 5);
    while (first < wanted && first + MOUNTED < TOTAL) {
      fill(cells[first % MOUNTED], first + MOUNTED);
      first += 1;
    }
  }
  window.scrollFeed = function (seconds) {
    return new Promise((done) => {
      const start = performance.now();
      const from = scrollY;
      function frame(now) {
        const elapsed = Math.min(now - start, seconds * 1000);
        scrollTo(0, from + (elapsed / 1000) * PER_SECOND * POST_HEIGHT);
        layout();
        if (elapsed < seconds * 1000) requestAnimationFrame(frame);
        else done({ start, end: performance.now(), recycled: first });
      }
      requestAnimationFrame(frame);
    });
  };
})();
