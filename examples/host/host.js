// The page's own accessibility toolbar: it changes the body's font size, as 适老化 toolbars do.
document.addEventListener('DOMContentLoaded', () => {
  const sizes = [12, 14, 16, 20, 24];
  let at = 0;
  const apply = () => { document.body.style.fontSize = `${sizes[at]}px`; };
  document.getElementById('font-up').addEventListener('click', () => { at = Math.min(at + 1, sizes.length - 1); apply(); });
  document.getElementById('font-down').addEventListener('click', () => { at = Math.max(at - 1, 0); apply(); });
  document.getElementById('font-reset').addEventListener('click', () => { at = 0; document.body.style.fontSize = ''; });
});
