// Runs in the benchmark page: builds posts from data with createElement, never from HTML strings.
(function () {
  function build(node) {
    if (typeof node === 'string') return document.createTextNode(node);
    const element = document.createElement(node.tag);
    for (const [name, value] of Object.entries(node.attrs || {})) element.setAttribute(name, value);
    for (const child of node.children || []) element.appendChild(build(child));
    return element;
  }
  window.buildPosts = function (posts, parent) {
    const fragment = document.createDocumentFragment();
    for (const post of posts) fragment.appendChild(build(post));
    parent.appendChild(fragment);
  };
  const data = document.getElementById('posts');
  const timeline = document.getElementById('timeline');
  if (data && timeline) window.buildPosts(JSON.parse(data.textContent), timeline);
})();
