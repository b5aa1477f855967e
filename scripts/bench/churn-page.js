// Runs in the churn page after its posts are built: each post gets a relative timestamp and a like
// count, and window.churn(seconds) rewrites 200 of those text nodes a second, in batches every 50 ms.
(function () {
  const nodes = [];
  for (const post of document.getElementById('timeline').children) {
    const meta = document.createElement('div');
    const time = document.createElement('time');
    time.textContent = '3m';
    const likes = document.createElement('span');
    likes.textContent = '12';
    meta.append(time, ' · ', likes, ' likes');
    post.appendChild(meta);
    nodes.push(time.firstChild, likes.firstChild);
  }
  let next = 0;
  let tick = 0;
  window.churn = function (seconds) {
    const start = performance.now();
    let rewrites = 0;
    return new Promise((done) => {
      const timer = setInterval(() => {
        tick += 1;
        // Paced by the clock, not by the ticks: a late timer rewrites what is due.
        const elapsed = Math.min(performance.now() - start, seconds * 1000);
        const due = Math.floor(elapsed / 5) - rewrites;
        for (let i = 0; i < due; i++) {
          const index = next;
          next = (next + 1) % nodes.length;
          nodes[index].data = index % 2 ? String(12 + (tick % 997)) : `${(tick % 59) + 1}m`;
          rewrites += 1;
        }
        if (elapsed >= seconds * 1000) {
          clearInterval(timer);
          done(rewrites);
        }
      }, 50);
    });
  };
})();
